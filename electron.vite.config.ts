import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const fromRoot = (path: string) => resolve(import.meta.dirname, path)

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // keytar is a native module: loaded at run time from node_modules (unpacked from the asar), never bundled.
      externalizeDeps: true,
      lib: { entry: fromRoot('main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file.
      lib: { entry: fromRoot('preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
    plugins: [react()],
  },
})
