import { buildApp } from './src/app.ts'
import { testConfig } from './src/config.ts'
import { openDatabase } from './src/db/client.ts'
import { loadDemoData } from './src/demo/load-demo-data.ts'
const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/eccar_prof' })
await database.migrate()
await loadDemoData(database.db)
const app = await buildApp({ config: { ...testConfig(), READ_CACHE: false, LOG_LEVEL: 'silent' }, db: database.db, logger: false })
await app.listen({ port: 3997, host: '127.0.0.1' })
console.log('listening')
process.on('SIGINT', async () => { await app.close(); await database.close(); process.exit(0) })
