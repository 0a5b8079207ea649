import type { SteeringGroup } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminSteeringStore } from '@/stores/admin-steering'
import { mountAdminView } from '@/testing/admin-mount'
import AdminCitySettingsView from './AdminCitySettingsView.vue'

const group = (overrides: Partial<SteeringGroup> = {}): SteeringGroup => ({
  cadenceMonths: 12, attentionStaleMonths: 6, incidentThreshold: 5, timeZone: 'Europe/Berlin',
  lastMeetingDate: null, nextMeetingDue: null, members: [], meetings: [], version: 3, ...overrides,
})
const initialState = { 'admin-steering': { groups: { jena: group() } } }
const path = '/jena/verwaltung/einstellungen'

describe('AdminCitySettingsView', () => {
  it('shows the four settings with the time zone from the browser\'s list, and narrows the list by a search', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminCitySettingsView, { path, initialState })
    expect(useAdminSteeringStore(pinia).loadGroup).toHaveBeenCalledWith('jena')
    expect(wrapper.find('h1').text()).toBe('Einstellungen der Stadt')
    expect(wrapper.find<HTMLInputElement>('#city-settings-steeringCadenceMonths').element.value).toBe('12')
    expect(wrapper.find<HTMLInputElement>('#city-settings-incidentThreshold').element.value).toBe('5')
    expect(wrapper.find<HTMLSelectElement>('#city-settings-timeZone').element.value).toBe('Europe/Berlin')
    expect(wrapper.findAll('#city-settings-timeZone option').length).toBeGreaterThan(100)
    for (const id of ['steeringCadenceMonths', 'attentionStaleMonths', 'incidentThreshold', 'timeZone', 'timeZoneSearch']) {
      expect(wrapper.find(`label[for="city-settings-${id}"]`).exists(), id).toBe(true)
    }
    await wrapper.find('#city-settings-timeZoneSearch').setValue('vienna')
    expect(wrapper.findAll('#city-settings-timeZone option').map((o) => o.text())).toEqual(['Europe/Berlin', 'Europe/Vienna'])
    expect(wrapper.find('#city-settings-timeZoneSearch-count').text()).toBe('2 Zeitzonen passen')
  })

  it('sends only the changed settings with the version read, and says so', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminCitySettingsView, { path, initialState })
    const store = useAdminSteeringStore(pinia)
    vi.mocked(store.saveSettings).mockImplementation(async () => group({ timeZone: 'Europe/Vienna', incidentThreshold: 7, version: 4 }))
    await wrapper.find('#city-settings-timeZone').setValue('Europe/Vienna')
    await wrapper.find('#city-settings-incidentThreshold').setValue('7')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.saveSettings).toHaveBeenCalledWith('jena', { timeZone: 'Europe/Vienna', incidentThreshold: 7 }, 3)
    expect(wrapper.find('[role="status"]').text()).toBe('Die Einstellungen sind gespeichert.')
  })

  it('refuses a threshold below 3 at its field before asking the server', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminCitySettingsView, { path, initialState, locale: 'en' })
    await wrapper.find('#city-settings-incidentThreshold').setValue('2')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(useAdminSteeringStore(pinia).saveSettings).not.toHaveBeenCalled()
    expect(wrapper.find('.form-errors').text()).toContain('Please enter a whole number from 3 to 20.')
    expect(wrapper.find('#city-settings-incidentThreshold').attributes('aria-invalid')).toBe('true')
  })

  it('shows the server\'s refusal of an unknown zone in words', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminCitySettingsView, { path, initialState })
    vi.mocked(useAdminSteeringStore(pinia).saveSettings).mockRejectedValue(new ApiError(400, 'TIME_ZONE_UNKNOWN', 'Unknown time zone'))
    await wrapper.find('#city-settings-timeZone').setValue('UTC')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-errors').text()).toContain('Diese Zeitzone ist unbekannt.')
  })

  it('after someone else saved meanwhile, compares the values and offers both ways on', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminCitySettingsView, { path, initialState, locale: 'en' })
    vi.mocked(useAdminSteeringStore(pinia).saveSettings).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current: group({ timeZone: 'Europe/London', version: 4 }) }))
    await wrapper.find('#city-settings-timeZone').setValue('Europe/Vienna')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const conflict = wrapper.find('.conflict')
    expect(conflict.text()).toContain('Europe/London')
    expect(conflict.text()).toContain('Europe/Vienna')
  })
})
