import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { useAdminPlanStore } from '@/stores/admin-plan'
import { buildPlan } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import CommitmentTextsForm from './CommitmentTextsForm.vue'

describe('CommitmentTextsForm', () => {
  it('keeps what the person typed when a fresh read of the plan arrives, and takes its version otherwise', async () => {
    const { wrapper } = mountWithApp(CommitmentTextsForm, { props: { plan: buildPlan({ version: 1 }), number: 1 } })
    await wrapper.find('#commitment-contextDe').setValue('Mein Text')
    await wrapper.setProps({ plan: buildPlan({ version: 2 }) })
    expect((wrapper.find('#commitment-contextDe').element as HTMLTextAreaElement).value).toBe('Mein Text')
  })

  it('saves only the changed text with the plan\'s version', async () => {
    const { wrapper, pinia } = mountWithApp(CommitmentTextsForm, { props: { plan: buildPlan({ version: 3 }), number: 2 } })
    const store = useAdminPlanStore(pinia)
    vi.mocked(store.saveCommitment).mockResolvedValue(buildPlan({ version: 4 }))
    await wrapper.find('#commitment-contextEn').setValue('Context in English')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.saveCommitment).toHaveBeenCalledWith(1, 2, { contextEn: 'Context in English' }, 3)
    expect(wrapper.find('[role="status"]').text()).toBe('Gespeichert.')
  })
})
