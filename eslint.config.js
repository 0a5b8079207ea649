// One lint configuration for every workspace (ESLint flat config). Correctness rules only: the code has
// no formatter-enforced layout, and stylistic rules would only restate it. The import boundaries of the
// house style (STYLE.md, B2) are the point: see `boundaries` below.
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const featuresDir = 'server/src/features'
// `common` holds helpers for every feature (versioned writes, visibility, route schemas): not a feature.
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'common').map((entry) => entry.name)

/**
 * A feature's own files are its business; another feature reaches it only through its routes module
 * (`index.ts`) or its service (`*.service.ts`). Every write records its audit row through the audit
 * writer, so that one file is open to all.
 */
const boundaries = (allowed = []) => [
  { target: 'shared/**', from: ['server/**', 'web/**'], message: 'shared/ is the contract both sides import; it imports neither.' },
  { target: 'web/**', from: 'server/**', message: 'The web app talks to the server over HTTP only; test data goes in web/src/testing/.' },
  ...features.map((feature) => ({
    target: `${featuresDir}/${feature}/**`,
    from: `${featuresDir}/!(${feature})/**`,
    except: ['**/features/*/index.ts', '**/features/*/*.service.ts', '**/features/common/**', '**/features/audit/audit.writer.ts', ...allowed.map((file) => `**/features/${file}`)],
    message: `Import another feature through its index.ts or *.service.ts (${feature} reaches into a sibling).`,
  })),
]

/**
 * Crossings that still exist, each allowed for its one importer only: mostly the city and plan lookups
 * (`cities.queries`/`plans.queries` and their not-found errors) and the mail hooks, which want a small
 * service of their own. Each entry is a debt; new code gets none, and a fixed crossing must leave this list.
 */
const knownCrossings = {
  'attention/attention.service.ts': ['plans/plans.errors.ts'],
  'audit/audit.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts'],
  'incidents/incident-releases.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'steering/steering.queries.ts'],
  'incidents/incidents.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'steering/steering.queries.ts'],
  'indicators/indicators.service.ts': ['measures/measures.queries.ts', 'plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'measures/measures.service.ts': ['plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'notifications/notifications.service.ts': ['cities/cities.errors.ts'],
  'notifications/reminders.service.ts': ['attention/attention.rules.ts'],
  'open-data/index.ts': ['spreadsheets/spreadsheet-files.ts'],
  'open-data/open-data.datasets.ts': ['measures/measures.queries.ts', 'plans/plans.errors.ts', 'plans/plans.queries.ts', 'spreadsheets/spreadsheet-files.ts'],
  'open-data/open-data.downloads.ts': ['cities/cities.queries.ts', 'spreadsheets/spreadsheet-files.ts'],
  'open-data/open-data.entries.ts': ['cities/cities.queries.ts', 'plans/plans.queries.ts', 'spreadsheets/spreadsheet-files.ts'],
  'open-data/open-data.settings.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts'],
  'organisations/organisations.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts'],
  'plan-files/plan-files.export.ts': ['plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'plan-files/plan-files.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'plans/plans.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts'],
  'reporting/report-export.service.ts': ['plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'reporting/reporting.service.ts': ['notifications/cycle-mails.ts', 'notifications/mail.plugin.ts', 'plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'reporting/reporting.snapshot.ts': ['indicators/indicators.progress.ts', 'indicators/indicators.queries.ts', 'plans/plans.queries.ts'],
  'second-factor/second-factor.service.ts': ['notifications/account-mails.ts', 'notifications/mail.plugin.ts', 'session/session.errors.ts'],
  'session/invitations.service.ts': ['users/city-invitations.ts', 'users/person-audit.ts'],
  'session/password-reset.channel.ts': ['notifications/account-mails.ts', 'notifications/mail.plugin.ts'],
  'session/password-reset.service.ts': ['users/person-audit.ts'],
  'session/session.service.ts': ['second-factor/second-factor.queries.ts'],
  'session/session.test.ts': ['users/invitations.ts'],
  'setup/setup.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'session/session.queries.ts'],
  'spreadsheets/indicator-import.ts': ['indicators/indicators.errors.ts', 'indicators/indicators.queries.ts'],
  'spreadsheets/status-import.ts': ['measures/measures.queries.ts', 'plans/plans.errors.ts'],
  'sso/sso.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'session/session.queries.ts', 'users/city-invitations.ts', 'users/users.queries.ts'],
  'steering/steering.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'measures/measures.errors.ts'],
  'successor-plans/successor-plans.service.ts': ['measures/measures.errors.ts', 'measures/measures.queries.ts', 'plans/plans.errors.ts', 'plans/plans.queries.ts'],
  'users/users.service.ts': ['cities/cities.errors.ts', 'cities/cities.queries.ts', 'measures/measures.errors.ts', 'measures/measures.queries.ts', 'notifications/account-mails.ts', 'notifications/mail.plugin.ts', 'session/session.queries.ts'],
}

/**
 * Views that still load through `api/` themselves (issue 11, point 6): the Leichte Sprache pages and the branding
 * page belong to the brand work. Each entry is a debt like `knownCrossings`; a view moved to its store leaves it.
 */
const viewsStillCallingTheApi = [
  'web/src/views/brand/EasyReadView.vue',
  'web/src/views/brand/AdminEasyReadView.vue',
  'web/src/views/brand/AdminBrandingView.vue',
]

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'web/dist/**', 'server/dist/**', 'migrations/**', '**/coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/essential'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.vue', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries() }],
    },
  },
  ...Object.entries(knownCrossings).map(([file, allowed]) => ({
    files: [`${featuresDir}/${file}`],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries(allowed) }] },
  })),
  {
    rules: {
      // A leading underscore marks a value left out on purpose (a destructured field dropped, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  {
    // Both match control characters on purpose, to keep them out of a value built from outside input.
    files: ['server/src/features/sso/sso.service.ts', 'web/src/lib/report-export.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The web's house rule: components and views never call the API; a store action does (with its status,
    // error and request counter), so a page's data has one owner. Types from `api/` are fine, and so are the
    // addresses in `api/links.ts`, which the browser follows itself (download links, the report preview).
    files: ['web/src/components/**/*.{ts,vue}', 'web/src/views/**/*.{ts,vue}'],
    ignores: ['**/*.test.ts', ...viewsStillCallingTheApi],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['@/api/*', '@/api/**', '!@/api/links'],
          allowTypeImports: true,
          message: 'Call the API through the resource\'s store (web/src/stores/), not from a component or view; `import type` for its types.',
        }],
      }],
    },
  },
  {
    // These field groups edit the form object their parent owns and passes in (one reactive draft per form),
    // which the rule reads as mutating a prop. The web restructuring (issue 11, point 6) decides their shape.
    files: ['web/src/components/admin/*Fields.vue', 'web/src/components/indicators/*Fields.vue', 'web/src/components/reporting/*Fields.vue'],
    rules: { 'vue/no-mutating-props': 'off' },
  },
)
