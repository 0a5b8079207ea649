import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, createAppRouterInTurns, routes } from './index'

describe('the router built in turns (main.ts)', () => {
  it('adds its routes over several tasks and then matches every address as the router built at once', async () => {
    let turns = 0
    const inTurns = await createAppRouterInTurns(async () => { turns++ })
    const atOnce = createAppRouter(createMemoryHistory())
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(routes.length / 10))
    expect(inTurns.getRoutes().map((route) => route.name)).toEqual(atOnce.getRoutes().map((route) => route.name))
    const addresses = ['/', '/jena/plans/1', '/jena/plans/1/commitments/3', '/jena/plans/1/measures/7', '/jena/plans/1/dashboard',
      '/jena/plans/1/leichte-sprache', '/anmelden', '/jena/arbeitsbereich', '/konto/passwort', '/no/such/page', '/barrierefreiheit']
    for (const address of addresses) expect(inTurns.resolve(address).name, address).toBe(atOnce.resolve(address).name)
    expect(inTurns.resolve('/no/such/page').name).toBe('not-found')
  })
})
