import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

const localeModule = /[\\/]src[\\/]i18n[\\/]locales[\\/]([\w.-]+)\.ts$/

type Messages = { [key: string]: string | Messages }

/** Each text becomes vue-i18n's message AST, named so the runtime caches its formatter once. */
function compileTree (tree: Messages, path: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => {
    const keyPath = `${path}.${key}`
    if (typeof value !== 'string') return [key, compileTree(value, keyPath)]
    const errors: string[] = []
    const { ast } = baseCompile(value, { jit: true, minify: true, location: false, onError: (e) => errors.push(e.message) })
    if (errors.length) throw new Error(`${keyPath}: ${errors.join('; ')} in "${value}"`)
    return [key, { ...ast, cacheKey: keyPath }]
  }))
}

/**
 * Compiles the UI texts at build time, as vue-i18n recommends for production: the browser would
 * otherwise parse every text the first time it is shown, which on a slow phone is a good part of the
 * first page's work, and it needs no message compiler at all (vue-i18n drops it from the bundle).
 * Tests and the development server keep the plain texts and vue-i18n's own compiler.
 */
export function precompileMessages (): Plugin {
  return {
    name: 'eccar:precompile-messages',
    apply: 'build',
    // After Vite has turned the TypeScript into JavaScript, which can then be evaluated as it is.
    enforce: 'post',
    config: () => ({ define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'true' } }),
    async transform (code, id) {
      const file = localeModule.exec(id)?.[1]
      if (!file) return null
      // The locale files are plain object literals (their imports are type-only and already gone).
      const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) as { default: Messages }
      // JSON.parse reads a large constant faster than the engine parses the same object literal.
      const json = JSON.stringify(compileTree(module.default, file))
      return { code: `export default JSON.parse(${JSON.stringify(json)})`, map: null }
    },
  }
}
