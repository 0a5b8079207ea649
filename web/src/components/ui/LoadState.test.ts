import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { mountWithApp } from '@/testing/mount'
import LoadState from './LoadState.vue'

describe('LoadState', () => {
  it('shows loading as text', () => {
    const { wrapper } = mountWithApp(LoadState, { props: { status: 'loading', error: null } })
    expect(wrapper.text()).toContain('Wird geladen')
  })

  it('shows a failed load as an alert with the request id and a retry button', async () => {
    const error = new ApiError(500, 'INTERNAL_ERROR', 'Internal', 'req-42')
    const { wrapper } = mountWithApp(LoadState, { props: { status: 'error', error }, locale: 'en' })
    expect(wrapper.find('[role="alert"]').text()).toContain('An error occurred on the server')
    expect(wrapper.text()).toContain('req-42')
    await wrapper.find('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('shows the not-found page for a 404', () => {
    const { wrapper } = mountWithApp(LoadState, { props: { status: 'error', error: new ApiError(404, 'PLAN_NOT_FOUND', 'no') } })
    expect(wrapper.find('h1').text()).toBe('Seite nicht gefunden')
  })

  it('uses a paragraph instead of a page heading inside a section', () => {
    const { wrapper } = mountWithApp(LoadState, { props: { status: 'error', error: new ApiError(0, 'NETWORK_ERROR', 'x'), inline: true } })
    expect(wrapper.find('h1').exists()).toBe(false)
    expect(wrapper.text()).toContain('keine Verbindung')
  })
})
