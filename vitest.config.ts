import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**', 'test/main/**'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // The Electron shell (main/*.ts) under Node: `electron` is the recording stand-in, for these tests only.
        extends: true,
        resolve: { alias: [{ find: /^electron$/, replacement: resolve(import.meta.dirname, 'test/electron-stand-in/index.ts') }] },
        test: {
          name: 'shell',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
