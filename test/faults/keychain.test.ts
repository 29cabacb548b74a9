// Keychain faults against a real Secret Service: a locked collection and none at all.
// Each runs in a child process with its own throw-away keyring, so locking it cannot disturb other tests.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

function runScenario(script: string, env: Record<string, string | undefined>): Record<string, unknown> {
  const result = spawnSync('bash', ['-c', `${env['WRAP'] ?? ''} npx tsx ${script}`], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  const line = result.stdout.split('\n').find((entry) => entry.startsWith('RESULT '))
  if (!line) throw new Error(`scenario printed no result:\n${result.stdout}\n${result.stderr}`)
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>
}

describe('keychain faults', () => {
  it('a locked keyring: the person is told why, the key is held in memory, can be copied, and is saved after unlocking', () => {
    const observed = runScenario('test/faults/scenarios/locked-keychain.ts', {
      WRAP: 'ORKM_PRIVATE_KEYRING=1 bash scripts/with-keyring.sh',
    })
    expect(observed['phase']).toBe('failed')
    expect(observed['error']).toMatchObject({ code: 'keychain-locked', message: expect.stringMatching(/locked/), hint: expect.stringMatching(/Unlock.*Save again/) })
    expect(observed['unsavedKey']).toMatchObject({ maskedKey: expect.stringMatching(/^sk-or-v1-…[0-9a-f]{4}$/) })
    expect(observed['dismissRefused']).toMatchObject({ ok: false, error: { code: 'busy' } })
    expect(observed['copy']).toMatchObject({ ok: true, value: { clearsAfterSeconds: 30 } })
    expect(observed['clipboardHoldsIssuedKey']).toBe(true)
    expect(observed['retry']).toMatchObject({ ok: true, value: { phase: 'connected' } })
    expect(observed['listed']).toEqual([(observed['unsavedKey'] as { maskedKey: string }).maskedKey])
  }, 90_000)

  it('no Secret Service at all: a clear message with the fix, never a plaintext fallback', () => {
    const observed = runScenario('test/faults/scenarios/no-secret-service.ts', {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orkm-bus',
      DISPLAY: '',
    })
    expect(observed).toMatchObject({ code: 'keychain-unavailable', hint: expect.stringMatching(/GNOME Keyring|KWallet/) })
    expect(observed['stored']).toBeUndefined()
  }, 60_000)
})
