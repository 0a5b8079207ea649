import { describe, expect, it } from 'vitest'
import { publicChunkOf } from './public-chunk'

// A small module graph: who imports whom, as the bundler reports it (static imports only).
const root = '/app/web/src'
const importers: Record<string, string[]> = {
  [`${root}/main.ts`]: [],
  [`${root}/views/PlanView.vue`]: [],
  [`${root}/views/MeasureView.vue`]: [],
  [`${root}/views/admin/AdminPlanView.vue`]: [],
  [`${root}/stores/session.ts`]: [`${root}/main.ts`, `${root}/views/PlanView.vue`],
  [`${root}/components/ui/StatusBadge.vue`]: [`${root}/components/plans/CommitmentCard.vue`, `${root}/views/MeasureView.vue`],
  [`${root}/components/plans/CommitmentCard.vue`]: [`${root}/views/PlanView.vue`],
  [`${root}/components/plans/PlanFacts.vue`]: [`${root}/views/PlanView.vue`, `${root}/views/admin/AdminPlanView.vue`],
  [`${root}/i18n/locales/open-data.de.ts`]: [`${root}/views/PlanView.vue`, `${root}/views/MeasureView.vue`],
}
const ctx = { getModuleInfo: (id: string) => (id in importers ? { importers: importers[id], isEntry: id.endsWith('/main.ts') } : null) } as unknown as Parameters<ReturnType<typeof publicChunkOf>>[1]
const chunkOf = publicChunkOf(['src/views/PlanView.vue', 'src/views/MeasureView.vue'])

describe('the public pages\' shared chunk', () => {
  it('takes a module two public views import, directly or through other modules', () => {
    expect(chunkOf(`${root}/components/ui/StatusBadge.vue`, ctx)).toBe('public')
  })

  it('leaves what the app shell imports in the shell, what one public view alone uses with that view, and the views and text bundles', () => {
    expect(chunkOf(`${root}/stores/session.ts`, ctx)).toBeNull()
    expect(chunkOf(`${root}/components/plans/PlanFacts.vue`, ctx)).toBeNull()
    expect(chunkOf(`${root}/views/PlanView.vue`, ctx)).toBeNull()
    expect(chunkOf(`${root}/i18n/locales/open-data.de.ts`, ctx)).toBeNull()
    expect(chunkOf('/app/node_modules/vue/index.js', ctx)).toBeNull()
  })
})
