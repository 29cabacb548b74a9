// Bundles the command-line companion to out/cli/orkm.mjs, one ES module for plain Node (package.json "bin").
// Dependencies stay external: they are the package's own dependencies (keytar is native and cannot be bundled).
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'orkm.ts'),
    outDir: resolve(import.meta.dirname, '../../out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external: ['keytar', /^@openrouter\/sdk(\/.*)?$/, 'zod'],
      output: { entryFileNames: 'orkm.mjs', banner: '#!/usr/bin/env node' },
    },
  },
})
