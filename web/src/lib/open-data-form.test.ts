import { describe, expect, it } from 'vitest'
import { openDataToBody, openDataToForm, validateOpenData } from './open-data-form'

describe('open-data settings form', () => {
  const settings = { licence: 'dl-de-by-2.0' as const, publisherName: 'Stadt Jena', contactEmail: null, version: 3 }

  it('shows a missing address as an empty field and sends it back as null', () => {
    const form = openDataToForm(settings)
    expect(form.contactEmail).toBe('')
    expect(openDataToBody({ ...form, publisherName: '  Stadt Jena ' })).toEqual({ licence: 'dl-de-by-2.0', publisherName: 'Stadt Jena', contactEmail: null })
  })

  it('asks for a publisher and a plausible address before sending', () => {
    expect(validateOpenData({ licence: 'cc0-1.0', publisherName: ' ', contactEmail: 'nicht-gueltig' })).toEqual({
      publisherName: 'spreadsheets.settings.errors.publisherRequired',
      contactEmail: 'spreadsheets.settings.errors.emailInvalid',
    })
    expect(validateOpenData({ licence: 'cc0-1.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example' })).toEqual({})
  })
})
