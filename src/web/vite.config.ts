import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The console is served by Fastify at /console/ (src/http/routes/console-routes.ts) from dist/web. */
export default defineConfig({
  root: here('./'),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // The CSP allows images from data: but fonts and scripts only from 'self': keep every asset a file.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  // `npm run web:dev`: hot reload at :5173/console/, the API from a running `npm start`
  // (same-origin to the browser, so cookies and CSRF work).
  server: { proxy: Object.fromEntries(['/api', '/auth', '/p/'].map((path) => [path, 'http://localhost:3000'])) },
})
