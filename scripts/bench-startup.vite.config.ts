// Bundles the main-process services the way electron-vite bundles main, so the start-up figure measures the
// app's code and not TypeScript compilation.
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'bench-entry.ts'),
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'app-services.js' } },
  },
})
