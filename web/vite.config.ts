import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { pageReadsManifest } from './build/page-reads-manifest.ts'
import { precompileMessages } from './build/precompile-messages.ts'
import { precompress } from './build/precompress.ts'
import { publicPagesChunk } from './build/public-chunk.ts'

export default defineConfig({
  plugins: [vue(), precompileMessages(), pageReadsManifest(), publicPagesChunk(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Compile-time flags: drop the Options API, vue-i18n's legacy API and devtools hooks from the bundle.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    // The strict CSP forbids inline scripts; Vite never inlines them, and no asset becomes a data: script.
    assetsInlineLimit: 0,
    // Tells the server which chunks each page's view needs, so it can announce them in the first HTML.
    manifest: true,
    rollupOptions: {
      // The web app uses only the label maps and limits of @eccar/shared. Its schema modules merely build
      // TypeBox objects (no registrations or other side effects), so unused ones, and most of TypeBox, can go.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/](shared[\\/]src|typebox)[\\/]/.test(id) },
    },
  },
  // In development the API runs on its own port; in production the server serves web/dist itself.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
