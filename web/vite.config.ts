import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The UI is served by `hoso serve --static web/dist`; in development, Vite
// forwards /api to a running hoso server (HOSO_API, default :8080).
export default defineConfig({
  plugins: [vue()],
  build: {
    target: 'es2020',
    // No inline <script> or <style>: the server's CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': process.env.HOSO_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
