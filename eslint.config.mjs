// Lint rules, including the layering rule: each folder may import only what runs where it runs.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process']
const electronOnly = { name: 'electron', message: 'Only main/*.ts shell files and main/adapters may import electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'test-output/**', 'dist-e2e/**', '.demo-data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Pure logic: plain Node only. No Electron, no DOM, no React.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'main/core is UI-free.' },
            { group: ['**/renderer/**', '../**/preload/index*', '**/adapters/**'], message: 'main/core depends on no outer layer.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The command-line companion runs under plain Node (no Electron binary, no DOM) and reuses main/core.
    files: ['main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronOnly, message: 'orkm runs under plain Node: no Electron.' }],
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'orkm has no UI.' },
            { group: ['**/renderer/**', '../**/preload/index*', '../**/preload/api*', '**/adapters/**'], message: 'orkm reuses main/core only.' },
            { group: ['../*.ts', '../index', '../menu*', '../window*', '../ipc', '../app-*', '../deep-link-*'], message: 'The Electron shell (main/*.ts) is not for orkm.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The sandboxed preload only bridges: Electron's renderer modules and the contract.
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'A sandboxed preload cannot use Node modules.' },
            { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'The preload only bridges.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer sees the DOM, React and the contract's types, nothing else.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronOnly, message: 'The renderer reaches main only through window.orkm.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node.' },
            { group: ['**/main/**'], message: 'The renderer reaches main only through window.orkm.' },
            {
              group: ['**/preload/*', '!**/preload/contract', '!**/preload/api'],
              allowTypeImports: true,
              message: 'The renderer may import only types from the preload.',
            },
          ],
        },
      ],
    },
  },
  {
    // Main-process shell: the only place besides adapters where Electron is allowed.
    files: ['main/*.ts', 'main/adapters/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Everything else (tests, scripts, configs) must never load Electron: it cannot run under plain Node here.
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['test/e2e/electron*.ts', 'test/harness/electron-backend.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Tests run under plain Node.' }] }] },
  },
)
