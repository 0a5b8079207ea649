import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import ConflictPanel from './ConflictPanel.vue'

const props = {
  original: { title: 'A', context: 'alt', state: 'draft' },
  draft: { title: 'A', context: 'mein Text', state: 'draft' },
  current: { title: 'B', context: 'alt', state: 'draft' },
  order: ['title', 'context', 'state'],
  labels: { title: 'Titel', context: 'Ausgangslage', state: 'Stand' },
}

describe('ConflictPanel', () => {
  it('compares, per field that changed, the entry with the value saved now', () => {
    const { wrapper } = mountWithApp(ConflictPanel, { props, attachTo: document.body })
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Titel inzwischen von jemand anderem geändert', 'A', 'B'],
      ['Ausgangslage von Ihnen geändert', 'mein Text', 'alt'],
    ])
    expect(wrapper.attributes('role')).toBe('alert')
    wrapper.unmount()
  })

  it('shows values readably and offers both ways on as buttons', async () => {
    const { wrapper } = mountWithApp(ConflictPanel, {
      props: { ...props, draft: { ...props.draft, state: 'adopted' }, format: (f: string, v: unknown) => (f === 'state' ? `Stand: ${String(v)}` : null) },
      locale: 'en',
    })
    expect(wrapper.text()).toContain('Stand: adopted')
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.text())).toEqual(['Apply my changes to the new version and save', 'Load the new version and discard my changes'])
    await buttons[0]!.trigger('click')
    await buttons[1]!.trigger('click')
    expect(wrapper.emitted('reapply')).toHaveLength(1)
    expect(wrapper.emitted('reload')).toHaveLength(1)
  })

  it('takes focus, so the person learns about the conflict where they are', async () => {
    const { wrapper } = mountWithApp(ConflictPanel, { props, attachTo: document.body })
    await new Promise((r) => setTimeout(r, 0))
    expect(document.activeElement?.id).toBe('conflict-heading')
    wrapper.unmount()
  })
})
