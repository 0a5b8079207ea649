import type { Db } from './client.ts'

/**
 * A query that drizzle builds once per database handle instead of on every call. Building a
 * relational query (aliases, casing, the JSON of every nested relation) cost more CPU than the
 * database's own work for the measure page under load; a prepared query keeps the built SQL and only
 * binds the values. On PostgreSQL it is also a named prepared statement per connection.
 *
 * Keyed by handle: a transaction is a handle of its own, so a query inside one is prepared for it
 * (and built once per transaction, as before) rather than sent outside it on the pool.
 */
export function preparedPerHandle<Query> (build: (db: Db) => Query): (db: Db) => Query {
  const byHandle = new WeakMap<Db, Query>()
  return (db) => {
    let query = byHandle.get(db)
    if (!query) {
      query = build(db)
      byHandle.set(db, query)
    }
    return query
  }
}
