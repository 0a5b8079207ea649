import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminMailStore } from '@/stores/admin-mail'
import { mountAdminView } from '@/testing/admin-mount'
import { reminderSettings } from '@/testing/mail-fixtures'
import AdminRemindersView from './AdminRemindersView.vue'

const initialState = { 'admin-mail': { reminders: { jena: reminderSettings() } } }

describe('AdminRemindersView', () => {
  it('shows the steps in words and the time zone from the browser\'s list', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminRemindersView, { path: '/jena/verwaltung/erinnerungen', initialState })
    expect(useAdminMailStore(pinia).loadReminders).toHaveBeenCalledWith('jena')
    expect(wrapper.text()).toContain('Zurzeit: 28 Tage vorher, 7 Tage vorher, am Tag selbst und 7 Tage danach.')
    expect(wrapper.find<HTMLSelectElement>('#reminders-timeZone').element.value).toBe('Europe/Berlin')
    expect(wrapper.findAll('#reminders-timeZone option').length).toBeGreaterThan(100)
    expect(wrapper.findAll('fieldset.reminder-step legend').map((l) => l.text())).toEqual(['1. Zeitpunkt', '2. Zeitpunkt', '3. Zeitpunkt', '4. Zeitpunkt'])
    expect(wrapper.find('#reminders-step-2-days').exists()).toBe(false)
  })

  it('refuses a wrong step at its field before asking the server', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminRemindersView, { path: '/jena/verwaltung/erinnerungen', initialState, locale: 'en' })
    await wrapper.find('#reminders-step-0-days').setValue('200')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(useAdminMailStore(pinia).saveReminders).not.toHaveBeenCalled()
    expect(wrapper.find('.form-errors').text()).toContain('Time 1: Please enter a whole number from 1 to 120.')
    expect(wrapper.find('#reminders-step-0-days').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#reminders-step-0-days').attributes('aria-describedby')).toBe('reminders-step-0-error')
  })

  it('adds and removes steps and saves them sorted with the version read', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminRemindersView, { path: '/jena/verwaltung/erinnerungen', initialState })
    const store = useAdminMailStore(pinia)
    vi.mocked(store.saveReminders).mockImplementation(async (_city, body, version) => ({ ...body, version: version + 1 }))
    const removeButtons = wrapper.findAll('fieldset.reminder-step button')
    await removeButtons[3]!.trigger('click')
    await wrapper.findAll('button').find((b) => b.text() === 'Zeitpunkt hinzufügen')!.trigger('click')
    await wrapper.find('#reminders-step-3-when').setValue('after')
    await wrapper.find('#reminders-step-3-days').setValue('14')
    await wrapper.find('#reminders-timeZone').setValue('UTC')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.saveReminders).toHaveBeenCalledWith('jena', { timeZone: 'UTC', steps: [28, 7, 0, -14] }, 3)
    expect(wrapper.find('[role="status"]').text()).toBe('Die Erinnerungen sind gespeichert.')
  })

  it('after someone else saved meanwhile, compares the steps in words and offers both ways on', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminRemindersView, { path: '/jena/verwaltung/erinnerungen', initialState, locale: 'en' })
    const store = useAdminMailStore(pinia)
    vi.mocked(store.saveReminders).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current: reminderSettings({ steps: [14], version: 4 }) }))
    await wrapper.find('#reminders-step-0-days').setValue('30')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const conflict = wrapper.find('.conflict')
    expect(conflict.text()).toContain('30 days before, 7 days before, on the day and 7 days after')
    expect(conflict.text()).toContain('14 days before')
  })
})
