import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { mountWithApp } from '@/testing/mount'
import ErrorSummary from './ErrorSummary.vue'

const labels = { titleDe: 'Titel (deutsch)', code: 'Nummer' }

describe('ErrorSummary', () => {
  it('lists each field error as a link to its field', () => {
    const { wrapper } = mountWithApp(ErrorSummary, {
      props: { fieldErrors: { code: 'errors.MEASURE_CODE_TAKEN', titleDe: 'admin.validation.required' }, error: null, labels, idPrefix: 'measure-' },
    })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.find('.alert__title').text()).toContain('2 Angaben')
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['#measure-code', '#measure-titleDe'])
    expect(wrapper.text()).toContain('Nummer: Diese Nummer hat schon eine andere Maßnahme des Plans.')
  })

  it('explains a server error without a field, with the request id', () => {
    const error = new ApiError(409, 'LAST_ADMIN', 'x', 'req-7')
    const { wrapper } = mountWithApp(ErrorSummary, { props: { fieldErrors: {}, error, labels, idPrefix: 'user-' }, locale: 'en' })
    expect(wrapper.text()).toContain('Saving did not work')
    expect(wrapper.text()).toContain('The city needs at least one person with the role "plan administrator".')
    expect(wrapper.text()).toContain('req-7')
  })

  it('renders nothing without errors', () => {
    const { wrapper } = mountWithApp(ErrorSummary, { props: { fieldErrors: {}, error: null, labels, idPrefix: 'x-' } })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
