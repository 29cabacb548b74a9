import { describe, expect, it } from 'vitest'
import { ConfigError, environmentFor, loadConfig } from '../../../main/core/app/config'

describe('loadConfig', () => {
  it('defaults to openrouter.ai, port 3000, the openrouter-key-manager service and 5 minutes', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      apiBaseUrl: 'https://openrouter.ai/api/v1',
      openRouterOrigin: 'https://openrouter.ai',
      keychainService: 'openrouter-key-manager',
      callbackPort: 3000,
      dataDir: null,
      authTimeoutMs: 300_000,
      clipboardClearSeconds: 30,
    })
  })

  it('reads every documented variable', () => {
    const config = loadConfig({
      OPENROUTER_BASE_URL: 'http://127.0.0.1:4010/api/v1/',
      ORKM_KEYCHAIN_SERVICE: 'svc',
      ORKM_CALLBACK_PORT: '3456',
      ORKM_DATA_DIR: '/tmp/x',
      ORKM_AUTH_TIMEOUT_SECONDS: '2',
    })
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:4010/api/v1')
    expect(config.openRouterOrigin).toBe('http://127.0.0.1:4010')
    expect(config.keychainService).toBe('svc')
    expect(config.callbackPort).toBe(3456)
    expect(config.dataDir).toBe('/tmp/x')
    expect(config.authTimeoutMs).toBe(2000)
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ORKM_CALLBACK_PORT: '', OPENROUTER_BASE_URL: '' }).callbackPort).toBe(3000)
  })

  it('refuses a plain-http OpenRouter URL off this machine: keys would travel unencrypted', () => {
    expect(() => loadConfig({ OPENROUTER_BASE_URL: 'http://openrouter.example/api/v1' })).toThrow(ConfigError)
    expect(() => loadConfig({ ORKM_CALLBACK_PORT: '70000' })).toThrow(/ORKM_CALLBACK_PORT/)
  })
})

describe('environmentFor', () => {
  it('an installed app ignores variables that would point it elsewhere', () => {
    const env = { OPENROUTER_BASE_URL: 'https://evil.example/api/v1', ELECTRON_RENDERER_URL: 'https://evil.example', ORKM_E2E_EXTERNAL_IN_WINDOW: '1', ORKM_CALLBACK_PORT: '4000' }
    expect(environmentFor(env, true)).toEqual({ ORKM_CALLBACK_PORT: '4000' })
    expect(loadConfig(environmentFor(env, true)).apiBaseUrl).toBe('https://openrouter.ai/api/v1')
    expect(environmentFor(env, false)).toEqual(env)
  })
})
