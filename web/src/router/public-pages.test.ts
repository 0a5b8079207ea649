import { describe, expect, it } from 'vitest'
import { routes } from './index'
import { publicPages, type PublicPageName } from './public-pages'

type LazyView = () => Promise<{ default: { __file?: string } }>

describe('public pages', () => {
  it.each(Object.keys(publicPages) as PublicPageName[])('%s: the route has the declared address, view and text bundles', async (name) => {
    const page = publicPages[name]
    const route = routes.find((r) => r.name === name)
    expect(route?.path).toBe(page.path)
    expect(route?.meta?.messages ?? []).toEqual('messages' in page ? page.messages : [])
    // The server announces `view`'s code in index.html: it must be the module the router loads.
    const view = await (route?.component as LazyView)()
    expect(view.default.__file).toMatch(new RegExp(`/web/${page.view.replace('.', '\\.')}$`))
  }, 30_000) // the first import compiles the view and all it imports, which takes a while on a busy machine

  it('declare every read with parameters the address has', () => {
    for (const page of Object.values(publicPages)) {
      const params = [...page.path.matchAll(/:(\w+)/g)].map((m) => m[1])
      const reads = [...page.reads, ...('readsWithoutQuery' in page ? page.readsWithoutQuery : [])]
      for (const read of reads) for (const [, param] of read.matchAll(/:(\w+)/g)) expect(params, read).toContain(param)
    }
  })
})
