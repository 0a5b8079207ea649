import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { ApiError } from '@/api/http'
import { useVersionedForm } from '@/composables/admin/useVersionedForm'
import { mountWithApp } from '@/testing/mount'
import FormShell from './FormShell.vue'

interface Rec { title: string, version: number }

// A versioned form with one field, the way the administration's forms use the frame.
function harness (save: (changes: unknown, version: number) => Promise<Rec>) {
  return defineComponent({
    setup () {
      const form = reactive(useVersionedForm({
        toForm: (r: Rec) => ({ title: r.title }),
        versionOf: (r: Rec) => r.version,
        validate: (v) => (v.title.trim() ? {} : { title: 'admin.validation.required' }),
        save,
      }))
      form.load({ title: 'Alt', version: 1 })
      return () => h(FormShell, { form, labels: { title: 'Titel' }, idPrefix: 'x-', order: ['title'] }, {
        default: () => h('input', {
          id: 'x-title',
          value: form.draft?.title,
          onInput: (e: Event) => { form.draft!.title = (e.target as HTMLInputElement).value },
        }),
      })
    },
  })
}

describe('FormShell', () => {
  it('says "saved" in its status line after a successful save', async () => {
    const save = vi.fn().mockResolvedValue({ title: 'Neu', version: 2 })
    const { wrapper } = mountWithApp(harness(save))
    await wrapper.find('input').setValue('Neu')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(save).toHaveBeenCalledWith({ title: 'Neu' }, 1, { title: 'Neu' })
    expect(wrapper.find('[role="status"]').text()).toBe('Gespeichert.')
  })

  it('shows the conflict with the saved values and saves again on "apply my changes"', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(new ApiError(412, 'VERSION_CONFLICT', 'x', undefined, { current: { title: 'Von anderen', version: 5 } }))
      .mockResolvedValueOnce({ title: 'Meins', version: 6 })
    const { wrapper } = mountWithApp(harness(save))
    await wrapper.find('input').setValue('Meins')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const panel = wrapper.find('.conflict')
    expect(panel.exists()).toBe(true)
    expect(panel.find('tbody tr').text()).toContain('Meins')
    expect(panel.find('tbody tr').text()).toContain('Von anderen')
    await panel.findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(save).toHaveBeenLastCalledWith({ title: 'Meins' }, 5, { title: 'Meins' })
    expect(wrapper.find('.conflict').exists()).toBe(false)
    expect(wrapper.find('[role="status"]').text()).toBe('Gespeichert.')
  })

  it('loads the saved values on "load the new version"', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError(412, 'VERSION_CONFLICT', 'x', undefined, { current: { title: 'Von anderen', version: 5 } }))
    const { wrapper } = mountWithApp(harness(save), { locale: 'en' })
    await wrapper.find('input').setValue('Meins')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await wrapper.find('.conflict').findAll('button')[1]!.trigger('click')
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe('Von anderen')
    expect(wrapper.find('.conflict').exists()).toBe(false)
  })

  it('moves focus to the error summary when a required field is empty', async () => {
    const { wrapper } = mountWithApp(harness(vi.fn()), { attachTo: document.body })
    await wrapper.find('input').setValue(' ')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(document.activeElement?.classList.contains('form-errors')).toBe(true)
    expect(wrapper.find('.form-errors').text()).toContain('Titel: Bitte füllen Sie dieses Feld aus.')
    wrapper.unmount()
  })

  it('says when there was nothing to save', async () => {
    const save = vi.fn()
    const { wrapper } = mountWithApp(harness(save), { locale: 'en' })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    expect(wrapper.find('[role="status"]').text()).toBe('You have not changed anything.')
  })
})
