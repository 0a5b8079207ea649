import { describe, expect, it } from 'vitest'
import { openDataToBody, openDataToForm, validateOpenData } from './open-data-form'

describe('open-data settings form', () => {
  const settings = { licence: 'dl-de-by-2.0' as const, publisherName: 'Stadt Jena', contactEmail: null, municipalityKey: null, contributorId: null, version: 3 }
  const filled = { licence: 'cc0-1.0' as const, publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example', municipalityKey: '16053000', contributorId: '' }

  it('shows missing values as empty fields and sends them back as null', () => {
    const form = openDataToForm(settings)
    expect(form).toMatchObject({ contactEmail: '', municipalityKey: '', contributorId: '' })
    expect(openDataToBody({ ...form, publisherName: '  Stadt Jena ', municipalityKey: ' 16053000 ' })).toEqual({
      licence: 'dl-de-by-2.0', publisherName: 'Stadt Jena', contactEmail: null, municipalityKey: '16053000', contributorId: null,
    })
  })

  it('asks for a publisher and a plausible address before sending', () => {
    expect(validateOpenData({ ...filled, publisherName: ' ', contactEmail: 'nicht-gueltig' })).toEqual({
      publisherName: 'spreadsheets.settings.errors.publisherRequired',
      contactEmail: 'spreadsheets.settings.errors.emailInvalid',
    })
    expect(validateOpenData(filled)).toEqual({})
  })

  it('takes a municipality key of 8 digits with a Land from 01 to 16 and an http(s) contributor ID', () => {
    for (const key of ['1605300', '160530000', '16O53000', '00053000', '17053000']) {
      expect(validateOpenData({ ...filled, municipalityKey: key }), key).toEqual({ municipalityKey: 'spreadsheets.settings.errors.municipalityKeyInvalid' })
    }
    for (const key of ['01001000', '16053000']) expect(validateOpenData({ ...filled, municipalityKey: key }), key).toEqual({})
    for (const id of ['dcat-ap.de/def/contributors/stadtJena', 'mailto:opendata@jena.example', 'http://dcat-ap.de/def/contributors/stadt Jena']) {
      expect(validateOpenData({ ...filled, contributorId: id }), id).toEqual({ contributorId: 'spreadsheets.settings.errors.contributorIdInvalid' })
    }
    expect(validateOpenData({ ...filled, contributorId: 'https://www.dcat-ap.de/def/contributors/stadtJena' })).toEqual({})
  })
})
