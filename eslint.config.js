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
// `common` holds helpers for every feature (versioned writes, visibility, route schemas, spreadsheet files): not a feature.
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'common').map((entry) => entry.name)

/**
 * A feature's own files are its business; another feature reaches it only through its routes module
 * (`index.ts`) or its service (`*.service.ts`). Every write records its audit row through the audit
 * writer, so that one file is open to all. There are no exceptions: what a sibling needs, the owner's service
 * exports (e.g. `getCityAs` in cities.service.ts, `getPlanAs` in plans.service.ts).
 */
const boundaries = [
  { target: 'shared/**', from: ['server/**', 'web/**'], message: 'shared/ is the contract both sides import; it imports neither.' },
  { target: 'web/**', from: 'server/**', message: 'The web app talks to the server over HTTP only; test data goes in web/src/testing/.' },
  ...features.map((feature) => ({
    target: `${featuresDir}/${feature}/**`,
    from: `${featuresDir}/!(${feature})/**`,
    except: ['**/features/*/index.ts', '**/features/*/*.service.ts', '**/features/common/**', '**/features/audit/audit.writer.ts'],
    message: `Import another feature through its index.ts or *.service.ts (${feature} reaches into a sibling).`,
  })),
]

/**
 * SQL lives in `*.queries.ts` (docs/architecture.md): every other server module (services, route modules,
 * helpers such as the audit writer and the outbox, the command line, the demo loader) calls named query
 * functions and never builds a statement on a database handle itself. A handle is `db`, `tx` or `….db` (app.db, database.db).
 */
const statementBuilders = '/^(select|selectDistinct|selectDistinctOn|insert|update|delete|execute)$/'
const inlineSql = [
  `CallExpression[callee.type='MemberExpression'][callee.property.name=${statementBuilders}][callee.object.name=/^(db|tx)$/]`,
  `CallExpression[callee.type='MemberExpression'][callee.property.name=${statementBuilders}][callee.object.property.name='db']`,
  `MemberExpression[object.name=/^(db|tx)$/][property.name='query']`,
  // Raw SQL text (a fragment or a whole statement) is a query too.
  `TaggedTemplateExpression[tag.name='sql']`,
].map((selector) => ({ selector, message: 'Write the statement as a named function in the feature\'s *.queries.ts and call that.' }))

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
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    // Everything on the server but the database layer itself (schema, client, migrations runner) and the queries files.
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.queries.ts', 'server/src/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...inlineSql] },
  },
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
    ignores: ['**/*.test.ts'],
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
