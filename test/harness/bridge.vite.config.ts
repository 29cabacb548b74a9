// Builds the harness's in-page bridge (the browser backend's stand-in for the preload) as one classic script.
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/harness'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: resolve(import.meta.dirname, 'browser-bridge.ts'), formats: ['iife'], name: 'orkmBridge', fileName: () => 'bridge.js' },
  },
})
