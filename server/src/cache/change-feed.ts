import type { FastifyBaseLogger } from 'fastify'
import type { Client } from 'pg'
import { changeChannel, decodeScope, type ReadCache } from './read-cache.ts'

/**
 * Listens for other instances' committed changes (NOTIFY on one PostgreSQL) and invalidates the
 * read cache accordingly. While the listening connection is down the cache is bypassed, so a lost
 * notification can never leave an instance serving old data.
 */
export async function startChangeFeed<V> (url: string, cache: ReadCache<V>, log: FastifyBaseLogger) {
  const { default: pg } = await import('pg')
  let current: Client | null = null
  let retry: NodeJS.Timeout | undefined
  let stopped = false

  const scheduleReconnect = (client: Client) => {
    if (current !== client && current !== null) return
    current = null
    cache.setAvailable(false)
    if (!stopped && !retry) retry = setTimeout(() => { retry = undefined; void connect() }, 2_000)
  }

  const connect = async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'eccar-tracker-changes', connectionTimeoutMillis: 5_000 })
    client.on('notification', (message) => cache.changed(decodeScope(message.payload ?? '*')))
    client.on('error', (err) => {
      log.warn({ err }, 'change feed lost; read cache bypassed until it is back')
      scheduleReconnect(client)
    })
    client.on('end', () => scheduleReconnect(client))
    try {
      await client.connect()
      await client.query(`listen ${changeChannel}`)
      current = client
      cache.setAvailable(true)
    } catch (err) {
      log.warn({ err }, 'change feed unavailable; read cache bypassed')
      current = client
      scheduleReconnect(client)
      await client.end().catch(() => {})
    }
  }

  // The fence: one round trip on the listening connection. PostgreSQL delivers every notification
  // committed before a query started ahead of that query's answer, so once it is back, this instance
  // has heard every write another instance confirmed before. Concurrent reads share round trips: a
  // reader arriving while one is on the way (it may have left before their write) waits for the next.
  let inFlight: Promise<void> | null = null
  let next: Promise<void> | null = null
  const roundTrip = (client: Client) => client.query('select 1').then(() => {}, () => scheduleReconnect(client))
  const caughtUp = (): Promise<void> => {
    if (!current) return Promise.resolve()
    if (!inFlight) {
      inFlight = roundTrip(current).finally(() => { inFlight = null })
      return inFlight
    }
    next ??= inFlight.then(() => { next = null; return caughtUp() })
    return next
  }

  cache.setAvailable(false)
  await connect()
  cache.fence = caughtUp
  return async () => {
    cache.fence = null
    stopped = true
    clearTimeout(retry)
    await current?.end().catch(() => {})
  }
}
