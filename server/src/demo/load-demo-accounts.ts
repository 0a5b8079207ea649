import { hashPassword } from '../auth/passwords.ts'
import type { Db } from '../db/client.ts'
import { insertDemoAccount } from './demo.queries.ts'

/**
 * Two accounts to try the steering group's workflow with. Their passwords are printed in the
 * README, so they exist only with the demo data, which production deployments leave off.
 */
export const demoAccounts = [
  { email: 'admin@jena.example', password: 'jena-demo-admin-2022', displayName: 'Demo: Büro für Migration und Integration', role: 'admin' as const, organisation: null },
  { email: 'editor@jena.example', password: 'jena-demo-editor-2022', displayName: 'Demo: Antidiskriminierungsstelle', role: 'editor' as const, organisation: 'Antidiskriminierungsstelle der Stadt Jena' },
]

export async function loadDemoAccounts (tx: Db, cityId: number) {
  for (const account of demoAccounts) {
    await insertDemoAccount(tx, cityId, { ...account, passwordHash: await hashPassword(account.password) })
  }
}
