// What may reach the system browser, and in what form: only OpenRouter's origin, and always the normalised href
// the check produced, never the raw string (which the OS's URL handler might read differently).
import { describe, expect, it } from 'vitest'
import { createCheckedOpener, externalUrlToOpen } from '../../../main/core/ipc/trusted-sender'

const ORIGINS = ['https://openrouter.ai']

describe('external URLs', () => {
  it('allows OpenRouter URLs and returns their normalised form', () => {
    expect(externalUrlToOpen('https://openrouter.ai/auth?callback_url=x', ORIGINS)).toBe('https://openrouter.ai/auth?callback_url=x')
    expect(externalUrlToOpen('HTTPS://OpenRouter.AI:443/keys', ORIGINS)).toBe('https://openrouter.ai/keys')
    expect(externalUrlToOpen('https://openrouter.ai/ke\tys\n', ORIGINS)).toBe('https://openrouter.ai/keys')
    expect(externalUrlToOpen('https://openrouter.ai\\@evil.example/', ORIGINS)).toBe('https://openrouter.ai/@evil.example/')
    expect(externalUrlToOpen('https://openrouter.ai/a b', ORIGINS)).toBe('https://openrouter.ai/a%20b')
  })

  it('refuses other origins, credentials and non-URLs', () => {
    for (const url of [
      'https://evil.example/auth',
      'https://openrouter.ai.evil.example/',
      'http://openrouter.ai/auth',
      'https://user:pass@openrouter.ai/auth',
      'https://openrouter.ai@evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(externalUrlToOpen(url, ORIGINS), url).toBeNull()
    }
  })

  it('the checked opener hands the browser the normalised href, never the raw string, and nothing refused', async () => {
    const opened: string[] = []
    const opener = createCheckedOpener(ORIGINS, async (href) => {
      opened.push(href)
    })
    await opener.openExternal('https://openrouter.ai\\@evil.example/\tkeys')
    await opener.openExternal('HTTPS://OPENROUTER.AI/keys/abc')
    await expect(opener.openExternal('https://evil.example/')).rejects.toThrow(/outside OpenRouter/)
    expect(opened).toEqual(['https://openrouter.ai/@evil.example/keys', 'https://openrouter.ai/keys/abc'])
  })
})
