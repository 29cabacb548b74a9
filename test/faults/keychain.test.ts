// Keychain faults against a real Secret Service: a locked collection and none at all.
// Each runs in a child process with its own throw-away keyring, so locking it cannot disturb other tests.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir, readAllFiles } from '../support/temp-dir'

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

// Locking gnome-keyring over D-Bus and removing the session bus only exist on Linux (the Linux CI runners).
const NO_SECRET_SERVICE_HERE = process.platform === 'linux' ? null : `needs the Linux Secret Service (gnome-keyring over D-Bus); this is ${process.platform}`
if (NO_SECRET_SERVICE_HERE) console.log(`[keychain faults] skipped: ${NO_SECRET_SERVICE_HERE}`)

describe.skipIf(NO_SECRET_SERVICE_HERE !== null)('keychain faults', () => {
  it('a locked keyring: the person is told why, the key is held in memory, can be copied, and is saved after unlocking', () => {
    const observed = runScenario('test/faults/scenarios/locked-keychain.ts', {
      WRAP: 'ORKM_PRIVATE_KEYRING=1 bash scripts/with-keyring.sh',
    })
    expect(observed['phase']).toBe('failed')
    expect(observed['error']).toMatchObject({ code: 'keychain-locked', message: expect.stringMatching(/locked/), hint: expect.stringMatching(/Unlock/) })
    expect(observed['unsavedKey']).toMatchObject({ maskedKey: expect.stringMatching(/^sk-or-v1-…[0-9a-f]{4}$/) })
    expect(observed['dismissRefused']).toMatchObject({ ok: false, error: { code: 'busy' } })
    expect(observed['copy']).toMatchObject({ ok: true, value: { clearsAfterSeconds: 30 } })
    expect(observed['clipboardHoldsIssuedKey']).toBe(true)
    expect(observed['retry']).toMatchObject({ ok: true, value: { phase: 'connected' } })
    expect(observed['listed']).toEqual([(observed['unsavedKey'] as { maskedKey: string }).maskedKey])
  }, 90_000)

  it('listing a locked keyring (refresh all, start-up reconciliation) says "locked" instead of crashing, and keeps the list', () => {
    const observed = runScenario('test/faults/scenarios/locked-keychain-list.ts', {
      WRAP: 'ORKM_PRIVATE_KEYRING=1 bash scripts/with-keyring.sh',
    })
    expect(observed['refreshAll']).toMatchObject({ ok: false, error: { code: 'keychain-locked', hint: expect.stringMatching(/Unlock/) } })
    expect(observed['afterRestart']).toEqual([observed['storedId']])
    expect(observed['notices']).toEqual([expect.stringMatching(/locked/)])
    expect(observed['refreshAfterUnlock']).toMatchObject({ ok: true })
  }, 90_000)

  it('no Secret Service at all: a clear message with the fix, never a plaintext fallback', async () => {
    const home = await makeTempDir('orkm-home-')
    const data = await makeTempDir('orkm-data-')
    const secret = `sk-or-v1-${randomBytes(32).toString('hex')}`
    try {
      const observed = runScenario('test/faults/scenarios/no-secret-service.ts', {
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orkm-bus',
        DISPLAY: '',
        HOME: home.path,
        XDG_DATA_HOME: join(home.path, '.local/share'),
        XDG_CONFIG_HOME: join(home.path, '.config'),
        ORKM_DATA_DIR: data.path,
        ORKM_SCENARIO_SECRET: secret,
      })
      expect(observed).toMatchObject({ code: 'keychain-unavailable', hint: expect.stringMatching(/GNOME Keyring|KWallet/) })
      expect(observed['stored']).toBeUndefined()
      // Nothing the app wrote anywhere it may write holds the key: not the data folder (the app did write there:
      // its log), not the home folder.
      const written = await readAllFiles(data.path)
      expect(written.map((file) => file.path)).toContain(join(data.path, 'logs', 'main.log'))
      for (const file of [...written, ...(await readAllFiles(home.path))]) {
        expect(file.text.includes(secret), `${file.path} holds the key`).toBe(false)
        expect(file.text.includes(secret.slice(-16)), `${file.path} holds part of the key`).toBe(false)
      }
    } finally {
      await home.remove()
      await data.remove()
    }
  }, 60_000)
})
