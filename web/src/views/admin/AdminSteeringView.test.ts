import type { SteeringGroup } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { useAdminSteeringStore } from '@/stores/admin-steering'
import { mountAdminView } from '@/testing/admin-mount'
import AdminSteeringView from './AdminSteeringView.vue'

const group: SteeringGroup = {
  cadenceMonths: 12,
  attentionStaleMonths: 6,
  incidentThreshold: 5,
  timeZone: 'Europe/Berlin',
  lastMeetingDate: '2024-03-14',
  nextMeetingDue: '2025-03-14',
  members: [{ id: 1, seat: 'Migrations- und Integrationsbeirat', organisation: { id: 22, name: 'Migrations- und Integrationsbeirat', nameEn: null }, personName: 'A. B.', roleInGroup: 'Vorsitz', version: 1 }],
  meetings: [{ id: 4, date: '2024-03-14', agenda: 'Stand der Umsetzung\nFortschreibung', attendeeCount: 5, decisionCount: 2, version: 1 }],
  version: 3,
}
const initialState = { 'admin-steering': { groups: { jena: group } } }

describe('AdminSteeringView', () => {
  it('shows the due date prominently, the meetings and the seats, with forms for administrators', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminSteeringView, { path: '/jena/verwaltung/lenkungsgruppe', initialState })
    expect(useAdminSteeringStore(pinia).loadGroup).toHaveBeenCalledWith('jena')
    expect(wrapper.find('.due-panel').text()).toContain('Überfällig')
    expect(wrapper.find('a[href="/jena/verwaltung/lenkungsgruppe/sitzungen/4"]').text()).toBe('Sitzung vom 14. März 2024')
    expect(wrapper.text()).toContain('5 Sitze anwesend, 2 Beschlüsse · Stand der Umsetzung')
    expect(wrapper.text()).toContain('Person: A. B. · Vorsitz')
    expect(wrapper.find('#settings-steeringCadenceMonths').exists()).toBe(true)
    expect(wrapper.find('#seat-new-personName').attributes('aria-describedby')).toBe('seat-new-personName-hint')
    expect(wrapper.find('#seat-new-personName-hint').text()).toContain('nur mit deren Einwilligung')
  })

  it('only reads for viewers: no forms, and the other sections are not offered', async () => {
    const { wrapper } = await mountAdminView(AdminSteeringView, { path: '/jena/verwaltung/lenkungsgruppe', initialState, role: 'viewer', locale: 'en' })
    expect(wrapper.text()).toContain('only the plan\'s administrators can change it')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Record a meeting')
    expect(wrapper.find('nav[aria-label="Administration sections"]').findAll('a').map((a) => a.text())).toEqual(['Steering group'])
  })
})
