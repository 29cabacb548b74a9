// The connect flow end to end at Node level: real listener, real SDK against the double, real keychain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectState } from '../../../preload/contract'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { keychainItems } from '../../support/keychain'
import { followConsentRedirect } from '../../support/loopback-browser'
import { startTestServices, type TestServices } from '../../support/core-services'
import { readAllFiles } from '../../support/temp-dir'
import { isPortAnswering } from '../../../main/core/connect/callback-server'
import { freePort } from '../../support/http'
import { AppFailure } from '../../../main/core/base/app-failure'
import { faultyVault, LOCKED, type FaultyVault } from '../../support/faulty-vault'

let double: OpenRouterDouble
let app: TestServices

beforeEach(async () => {
  double = await startOpenRouterDouble()
  double.setConsentMode('auto-approve')
})
afterEach(async () => {
  await app?.dispose()
  await double.close()
})

async function waitForPhase(phase: ConnectState['phase']): Promise<ConnectState> {
  await expect.poll(() => app.services.connect.current.phase, { timeout: 10_000 }).toBe(phase)
  return app.services.connect.current
}

function awaitingUrl(state: ConnectState): string {
  if (state.phase !== 'awaiting-browser') throw new Error(`expected awaiting-browser, got ${state.phase}`)
  return state.authUrl
}

describe('connect flow', () => {
  it('opens the consent page, exchanges the code without a bearer, stores the key, fetches its figures', async () => {
    process.env['OPENROUTER_API_KEY'] = 'sk-or-v1-stray-environment-key-must-never-be-sent'
    try {
      app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
      const started = await app.services.connect.start({ limit: 12 })
      const authUrl = awaitingUrl(started)
      expect(app.opened).toEqual([authUrl])
      expect(new URL(authUrl).searchParams.get('limit')).toBe('12')
      const page = await followConsentRedirect(authUrl)
      expect(page.status).toBe(200)
      expect(page.body).toContain('Connected — you can close this tab')
      const state = await waitForPhase('connected')
      const secret = double.keys()[0]!.secret
      expect((await keychainItems(app.keychainService)).map((item) => item.password)).toEqual([secret])
      const exchange = double.requests.find((request) => request.path === '/api/v1/auth/keys')!
      expect(exchange.authorization).toBeNull()
      expect(exchange.body).toMatchObject({ code_challenge_method: 'S256' })
      await expect.poll(() => app.services.keys.list().keys[0]?.figures?.limit).toBe(12)
      // Unnamed: the key is named as OpenRouter lists it, so it can be found on the keys page.
      expect(state.phase === 'connected' && state.label).toBe(double.keys()[0]!.label)
      for (const file of await readAllFiles(app.dataDir)) expect(file.text).not.toContain(secret)
    } finally {
      delete process.env['OPENROUTER_API_KEY']
    }
  })

  it('stores an unnamed key in the keychain while its figures are on the way, then names it as OpenRouter lists it', async () => {
    let releaseFigures: () => void = () => {}
    const figuresHeld = new Promise<void>((resolve) => (releaseFigures = resolve))
    app = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapGateway: (gateway) => ({ ...gateway, origin: gateway.origin, getKeyFigures: async (key) => (await figuresHeld, gateway.getKeyFigures(key)) }),
    })
    let pageBody: string | null = null
    void followConsentRedirect(awaitingUrl(await app.services.connect.start({}))).then((page) => (pageBody = page.body))
    // The keychain write does not wait for GET /key: the key is safe before its name is known, and the browser is
    // told so while the name, figures and metadata are still on the way.
    await expect.poll(async () => (await keychainItems(app.keychainService)).length, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => pageBody, { timeout: 10_000 }).toContain('Connected — you can close this tab')
    expect(app.services.connect.current.phase).toBe('saving')
    expect(app.services.keys.list().keys).toEqual([])
    releaseFigures()
    const state = await waitForPhase('connected')
    expect(state.phase === 'connected' && state.label).toBe(double.keys()[0]!.label)
    expect(app.services.keys.list().keys.map((key) => key.label)).toEqual([double.keys()[0]!.label])
  })

  it('starts the keychain write, the longer step, before the request for the new key’s figures', async () => {
    const order: string[] = []
    app = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapVault: (inner) => ({ ...inner, set: (account, secret) => (order.push('keychain write'), inner.set(account, secret)) }),
      wrapGateway: (gateway) => ({ ...gateway, origin: gateway.origin, getKeyFigures: (key) => (order.push('figures request'), gateway.getKeyFigures(key)) }),
    })
    await followConsentRedirect(awaitingUrl(await app.services.connect.start({})))
    await waitForPhase('connected')
    expect(order).toEqual(['keychain write', 'figures request'])
  })

  it('names the new key as typed in the connect form; the name never reaches the consent page', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({ name: 'Work laptop', limit: 3 }))
    expect(authUrl).not.toContain('Work')
    await followConsentRedirect(authUrl)
    const state = await waitForPhase('connected')
    expect(state.phase === 'connected' && state.label).toBe('Work laptop')
    expect(app.services.keys.list().keys.map((key) => key.label)).toEqual(['Work laptop'])
    expect(state.phase === 'connected' && state.account).toBe(double.keys()[0]!.userId)
  })

  it('falls back to "OpenRouter key N" when OpenRouter does not answer for the new key', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    double.failNext('key', { kind: 'status', status: 401 }, 1)
    await followConsentRedirect(authUrl)
    const state = await waitForPhase('connected')
    expect(state.phase === 'connected' && state.label).toBe('OpenRouter key 1')
  })

  it('says there is no keychain before the browser opens, and opens nothing; a locked one does not stop it', async () => {
    let vault: FaultyVault | undefined
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, wrapVault: (inner) => (vault = faultyVault(inner)) })
    vault!.failReads = new AppFailure('keychain-unavailable', 'No OS keychain could be reached, so keys cannot be stored safely.', 'Install a Secret Service.')
    const refused = await app.services.dispatch('connect:start', [{}])
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain-unavailable', hint: 'Install a Secret Service.' } })
    expect(await app.services.dispatch('storage:check', [])).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } })
    expect(app.opened).toEqual([])
    expect(app.services.connect.current.phase).toBe('idle')
    vault!.failReads = LOCKED()
    expect(await app.services.dispatch('storage:check', [])).toEqual({ ok: true, value: null })
    expect((await app.services.connect.start({})).phase).toBe('awaiting-browser')
  })

  it('a link asks; nothing starts: the request waits for the window, is told once, and is taken once', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const events: unknown[] = []
    app.services.onEvent((channel, payload) => events.push([channel, payload]))
    app.services.requestConnect(25)
    expect(events).toEqual([['connect:requested', { source: 'link', limit: 25 }]])
    expect(app.services.connect.current.phase).toBe('idle')
    expect(app.opened).toEqual([])
    expect(await app.services.dispatch('connect:take-request', [])).toEqual({ ok: true, value: { source: 'link', limit: 25 } })
    expect(await app.services.dispatch('connect:take-request', [])).toEqual({ ok: true, value: null })
  })

  it('answers a second Connect with the running flow instead of starting another', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const first = await app.services.connect.start({})
    const second = await app.services.connect.start({})
    expect(second).toEqual(first)
    expect(app.opened).toHaveLength(1)
  })

  it('accepts the pasted redirect URL when the browser could not reach the listener, and refuses foreign ones', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    const callback = new URL(new URL(authUrl).searchParams.get('callback_url')!)
    const code = double.issueCode({ codeChallenge: new URL(authUrl).searchParams.get('code_challenge')!, codeChallengeMethod: 'S256' })
    await expect(app.services.connect.submitRedirect(`http://localhost:${callback.port}/callback/other?code=${code}`)).rejects.toMatchObject({
      appError: { code: 'invalid-argument' },
    })
    await expect(app.services.connect.submitRedirect('not a url at all')).rejects.toMatchObject({ appError: { code: 'invalid-argument' } })
    const state = await app.services.connect.submitRedirect(`${callback.href}?code=${code}`)
    expect(state.phase).toBe('connected')
    expect(await isPortAnswering('127.0.0.1', Number(callback.port))).toBe(false)
    expect(await keychainItems(app.keychainService)).toHaveLength(1)
  })

  it('accepts a pasted bare code too', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    const code = double.issueCode({ codeChallenge: new URL(authUrl).searchParams.get('code_challenge')!, codeChallengeMethod: 'S256' })
    expect((await app.services.connect.submitRedirect(`  ${code}\n`)).phase).toBe('connected')
  })

  it('ends with a clear message when the person denies, storing nothing', async () => {
    double.setConsentMode('auto-deny')
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    await followConsentRedirect(authUrl)
    const state = await waitForPhase('failed')
    expect(state.phase === 'failed' && state.error.message).toMatch(/declined/)
    expect(await keychainItems(app.keychainService)).toEqual([])
  })

  it('times out, closes the listener, and can start again', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, env: { ORKM_AUTH_TIMEOUT_SECONDS: '1' } })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    const port = Number(new URL(new URL(authUrl).searchParams.get('callback_url')!).port)
    await waitForPhase('timed-out')
    expect(await isPortAnswering('127.0.0.1', port)).toBe(false)
    expect(app.services.connect.dismiss().phase).toBe('idle')
    expect((await app.services.connect.start({})).phase).toBe('awaiting-browser')
  })

  it('maps exchange failures to the next step: start again, or try again', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    double.failNext('exchange', { kind: 'status', status: 403, message: 'Invalid code or code_verifier' })
    await followConsentRedirect(awaitingUrl(await app.services.connect.start({})))
    let state = await waitForPhase('failed')
    expect(state.phase === 'failed' && state.error).toMatchObject({ code: 'code-rejected', hint: 'Start the connection again.' })
    app.services.connect.dismiss()

    double.setFailure('exchange', { kind: 'status', status: 500 })
    await followConsentRedirect(awaitingUrl(await app.services.connect.start({})))
    state = await waitForPhase('failed')
    expect(state.phase === 'failed' && state.error.code).toBe('openrouter-error')
    expect(await keychainItems(app.keychainService)).toEqual([])
  })

  it('cancel works while waiting for the browser, but an exchange under way is let finish and its key kept', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    double.setLatency(400)
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    const page = followConsentRedirect(authUrl)
    await waitForPhase('exchanging')
    expect(app.services.connect.hasWorkAtRisk()).toBe(true)
    expect((await app.services.connect.cancel()).phase).toBe('exchanging')
    await page
    await waitForPhase('connected')
    expect(await keychainItems(app.keychainService)).toHaveLength(1)
    expect(app.services.connect.hasWorkAtRisk()).toBe(false)
  })

  it('cancel while waiting for the browser ends the flow and closes the listener: the redirect finds nobody', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const authUrl = awaitingUrl(await app.services.connect.start({}))
    const port = Number(new URL(new URL(authUrl).searchParams.get('callback_url')!).port)
    expect(await isPortAnswering('127.0.0.1', port)).toBe(true)
    expect((await app.services.connect.cancel()).phase).toBe('cancelled')
    expect(app.services.connect.current.phase).toBe('cancelled')
    expect(await isPortAnswering('127.0.0.1', port)).toBe(false)
    expect(await isPortAnswering('::1', port)).toBe(false)
    // The person approves anyway: the browser cannot reach the app, nothing is exchanged or stored.
    await expect(followConsentRedirect(authUrl)).rejects.toThrow()
    expect(double.requests.some((request) => request.path === '/api/v1/auth/keys')).toBe(false)
    expect(await keychainItems(app.keychainService)).toEqual([])
    await expect(app.services.connect.submitRedirect('abc-code')).rejects.toMatchObject({ appError: { code: 'no-flow' } })
  })

  it('a cancel that arrives while the flow is starting leaves no listener and no open browser', async () => {
    const port = await freePort()
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, env: { ORKM_CALLBACK_PORT: String(port) } })
    // start() marks the flow active at once, then binds the listener: the cancel lands before the bind finishes.
    const starting = app.services.connect.start({})
    const cancelled = await app.services.connect.cancel()
    const result = await starting
    expect(cancelled.phase).toBe('cancelled')
    expect(result.phase).toBe('cancelled')
    expect(app.opened).toEqual([])
    expect(await isPortAnswering('127.0.0.1', port)).toBe(false)
    expect(app.services.connect.current.phase).toBe('cancelled')
  })
})
