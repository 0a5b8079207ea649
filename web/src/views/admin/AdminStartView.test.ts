import { describe, expect, it } from 'vitest'
import { useAdminPlanStore } from '@/stores/admin-plan'
import { mountAdminView } from '@/testing/admin-mount'
import { buildPlan } from '@/testing/fixtures'
import AdminStartView from './AdminStartView.vue'

const initialState = { 'admin-plan': { cityPlans: { jena: [buildPlan({ id: 1 }), buildPlan({ id: 2, titleDe: 'Fortschreibung 2024–2025', state: 'draft', periodStart: '2024-01-01' })] } } }

describe('AdminStartView', () => {
  it('reads the city\'s plans and shows their key facts, newest first, with links to edit them', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminStartView, { path: '/jena/verwaltung', initialState })
    expect(useAdminPlanStore(pinia).loadCityPlans).toHaveBeenCalledWith('jena')
    expect(wrapper.find('h1').text()).toBe('Verwaltung Jena')
    const cards = wrapper.findAll('article')
    expect(cards.map((c) => c.find('h3').text())).toEqual(['Fortschreibung 2024–2025', '10-Punkte-Aktionsplan der Stadt Jena'])
    expect(cards[1]!.text()).toContain('20/0372-BV vom 16. Juli 2020')
    expect(cards[1]!.find('a').attributes('href')).toBe('/jena/verwaltung/plaene/1')
    // A draft has no public page yet.
    expect(cards[0]!.text()).not.toContain('Öffentliche Planübersicht')
  })

  it('links the other sections, in English too', async () => {
    const { wrapper } = await mountAdminView(AdminStartView, { path: '/jena/verwaltung', initialState, locale: 'en' })
    const nav = wrapper.find('nav[aria-label="Administration sections"]')
    expect(nav.findAll('a').map((a) => a.text())).toEqual([
      'Overview', 'Plans', 'Responsible bodies', 'People and roles', 'Sign-in with city account', 'Steering group', 'Reports', 'Incident counts', 'Releases of the incident counts', 'Audit log', 'Outbox', 'Reminders', 'City settings',
    ])
    expect(nav.find('a[aria-current="page"]').text()).toBe('Overview')
  })
})
