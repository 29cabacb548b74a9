// orkm with a locked keyring, against a real Secret Service. It runs in a child process with its own throw-away
// keyring, so locking it cannot disturb other tests.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { EXIT_CODES } from '../../main/cli/exit-codes'
import { assertCliBuilt } from './run-orkm'

const root = join(import.meta.dirname, '../..')
beforeAll(() => assertCliBuilt())

it.skipIf(process.platform !== 'linux')('a locked keyring: key, run, env and status say so (exit 6) and run starts nothing; list still works; unlocked, the key is there', () => {
  const result = spawnSync('bash', ['-c', 'ORKM_PRIVATE_KEYRING=1 bash scripts/with-keyring.sh npx tsx test/cli/scenarios/locked-keychain.ts'], {
    cwd: root,
    env: { ...process.env, DISPLAY: '' },
    encoding: 'utf8',
    timeout: 90_000,
  })
  const line = result.stdout.split('\n').find((entry) => entry.startsWith('RESULT '))
  if (!line) throw new Error(`scenario printed no result:\n${result.stdout}\n${result.stderr}`)
  const observed = JSON.parse(line.slice('RESULT '.length)) as Record<string, { code: number; stdout: string; stderr: string; leaked: boolean }>
  for (const command of ['key', 'run', 'env', 'status']) {
    expect(observed[command], command).toEqual({
      code: EXIT_CODES.keychainLocked.code,
      stdout: '',
      stderr: expect.stringMatching(/^orkm: Your keychain is locked.*Unlock your login keyring.*\n$/),
      leaked: false,
    })
  }
  expect(observed['list']).toMatchObject({ code: 0, stderr: '', leaked: false })
  expect(observed['afterUnlock']).toEqual({ code: 0, printsKey: true })
}, 120_000)
