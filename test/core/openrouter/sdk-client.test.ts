// The SDK client's own guard: an anonymous call (the code exchange) never carries a bearer, whatever the SDK adds.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withoutAuthorization } from '../../../main/core/openrouter/sdk-client'

describe('withoutAuthorization', () => {
  it('drops an Authorization header and keeps the method, the other headers and the body', async () => {
    const request = new Request('http://127.0.0.1:9/api/v1/auth/keys', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-or-v1-ambient', 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'c' }),
    })
    const sent = withoutAuthorization(request)
    expect(sent.headers.has('authorization')).toBe(false)
    expect(sent.headers.get('content-type')).toBe('application/json')
    expect(sent.method).toBe('POST')
    expect(await sent.text()).toBe('{"code":"c"}')
  })

  it('hands a request without one on untouched (no copy of its body)', () => {
    const request = new Request('http://127.0.0.1:9/api/v1/auth/keys', { method: 'POST', body: '{}' })
    expect(withoutAuthorization(request)).toBe(request)
  })
})

describe('OPENROUTER_DEBUG', () => {
  // The SDK prints every request and response, headers and keys included, to the console when it is set.
  it('never makes the SDK print requests or keys, and the calls still work', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'scenarios/sdk-debug.ts')], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, OPENROUTER_DEBUG: '1' },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    const output = `${run.stdout}${run.stderr}`
    expect(run.stdout).toMatch(/^DONE [A-Za-z0-9_-]{4}\n$/)
    expect(output).not.toMatch(/Request:|Response:|Headers:|sk-or-|Bearer/)
  })
})
