import type { DatasetInfo } from '@eccar/shared'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { allMessageBundles } from '@/testing/all-messages'
import DatasetDownload from '@/components/open-data/DatasetDownload.vue'
import { mountView } from '@/testing/mount'
import DatasetView from './DatasetView.vue'
import DatasetsView from './DatasetsView.vue'

const measures: DatasetInfo = {
  id: 'plan-1-measures',
  title: { de: 'Maßnahmen des Aktionsplans', en: 'Measures of the action plan' },
  description: { de: 'Jede Maßnahme mit Status.', en: 'Every measure with its status.' },
  fields: [
    { name: 'code', type: 'string', description: { de: 'Nummer der Maßnahme', en: 'Number of the measure' } },
    { name: 'progress', type: 'integer', description: { de: 'Fortschritt in Prozent', en: 'Progress in per cent' } },
  ],
  distributions: [
    { format: 'CSV', mediaType: 'text/csv', url: 'http://localhost/api/plans/1/datasets/measures.csv' },
    { format: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', url: 'http://localhost/api/plans/1/measures.xlsx' },
  ],
  licence: 'dl-de-by-2.0',
  modified: '2026-11-30T10:00:00.000Z',
  temporal: { start: '2024-01-01', end: '2028-12-31' },
}
const initialState = { 'open-data': { datasets: { jena: [measures] }, status: { jena: 'idle' } } }

describe('open-data pages', () => {
  it('define every column of a dataset and offer its files under its licence', async () => {
    const { wrapper } = await mountView(DatasetView, { path: '/jena/daten/plan-1-measures', initialState })
    expect(wrapper.find('h1').text()).toBe('Maßnahmen des Aktionsplans')
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([['code', 'Text', 'Nummer der Maßnahme'], ['progress', 'ganze Zahl', 'Fortschritt in Prozent']])
    expect(wrapper.findAll('a[download]').map((a) => a.text())).toEqual(['CSV herunterladen', 'XLSX herunterladen'])
    const licence = wrapper.find('a[rel="license"]')
    expect(licence.text()).toBe('Datenlizenz Deutschland – Namensnennung – Version 2.0')
    expect(licence.attributes('href')).toBe('https://www.govdata.de/dl-de/by-2-0')
    expect(wrapper.text()).toContain('Zeitraum1. Januar 2024 bis 31. Dezember 2028')
  })

  it('says so for a dataset the city does not have', async () => {
    const { wrapper } = await mountView(DatasetView, { path: '/jena/daten/plan-9-measures', initialState })
    expect(wrapper.find('h1').text()).not.toBe('Maßnahmen des Aktionsplans')
    expect(wrapper.find('table').exists()).toBe(false)
  })

  it('lists the datasets with the catalogue in JSON-LD and Turtle', async () => {
    const { wrapper } = await mountView(DatasetsView, { path: '/jena/data', initialState, locale: 'en' })
    expect(wrapper.find('h3 a').attributes('href')).toBe('/jena/daten/plan-1-measures')
    expect(wrapper.findAll('a[type]').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Catalogue as JSON-LD', '/api/cities/jena/catalog.jsonld'],
      ['Catalogue as Turtle', '/api/cities/jena/catalog.ttl'],
    ])
  })

  it('give a chart a download link to its stable CSV address with the city\'s licence', async () => {
    const { router, pinia } = await mountView(DatasetView, { path: '/jena/plans/1/dashboard', initialState })
    const wrapper = mount(DatasetDownload, {
      props: { dataset: 'status-history', what: 'Daten des Diagramms' },
      global: { plugins: [createAppI18n('de', allMessageBundles), router, pinia] },
    })
    const link = wrapper.find('a[download]')
    expect(link.text()).toBe('CSV herunterladen (Daten des Diagramms)')
    expect(link.attributes('href')).toBe('/api/plans/1/datasets/status-history.csv')
    expect(wrapper.find('a[rel="license"]').text()).toBe('Datenlizenz Deutschland – Namensnennung – Version 2.0')
  })
})
