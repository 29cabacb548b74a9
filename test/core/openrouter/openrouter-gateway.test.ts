// The gateway's own rules, against small loopback servers that answer what the double does not.
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createOpenRouterGateway } from '../../../main/core/openrouter/openrouter-gateway'

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function serve(answers: Array<{ status: number; body: unknown }>): Promise<{ apiBaseUrl: string; seen: Array<string | undefined> }> {
  const seen: Array<string | undefined> = []
  server = createServer((req, res) => {
    seen.push(req.headers.authorization)
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!
    res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return { apiBaseUrl: `http://127.0.0.1:${address.port}/api/v1`, seen }
}

const KEY = `sk-or-v1-${'e'.repeat(64)}`

describe('OpenRouter gateway', () => {
  it('keeps the key from a 200 answer that lacks user_id instead of dropping it', async () => {
    const { apiBaseUrl } = await serve([{ status: 200, body: { key: KEY } }])
    const gateway = createOpenRouterGateway({ apiBaseUrl, httpTimeoutMs: 2000, retryBudgetMs: 0 })
    await expect(gateway.exchangeCode({ code: 'c', codeVerifier: 'v' })).resolves.toEqual({ key: KEY, userId: null })
  })

  it('warns that a key may exist when a retried exchange is refused', async () => {
    const { apiBaseUrl, seen } = await serve([
      { status: 502, body: { error: { code: 502, message: 'Bad gateway' } } },
      { status: 403, body: { error: { code: 403, message: 'Invalid code or code_verifier' } } },
    ])
    const gateway = createOpenRouterGateway({ apiBaseUrl, httpTimeoutMs: 2000, retryBudgetMs: 3000 })
    await expect(gateway.exchangeCode({ code: 'c', codeVerifier: 'v' })).rejects.toMatchObject({
      appError: { code: 'code-rejected', message: expect.stringMatching(/may already have created a key/), hint: expect.stringMatching(/revoke/) },
    })
    expect(seen).toEqual([undefined, undefined]) // two attempts, never a bearer
  })

  it('a first refusal is the plain "start again"', async () => {
    const { apiBaseUrl } = await serve([{ status: 400, body: { error: { code: 400, message: 'Invalid code' } } }])
    const gateway = createOpenRouterGateway({ apiBaseUrl, httpTimeoutMs: 2000, retryBudgetMs: 3000 })
    await expect(gateway.exchangeCode({ code: 'c', codeVerifier: 'v' })).rejects.toMatchObject({
      appError: { code: 'code-rejected', message: 'OpenRouter refused the authorization code.' },
    })
  })

  it('builds the consent URL on the configured origin with S256 and the optional limit', async () => {
    const gateway = createOpenRouterGateway({ apiBaseUrl: 'https://openrouter.ai/api/v1', httpTimeoutMs: 1000, retryBudgetMs: 0 })
    const url = new URL(await gateway.authorizationUrl({ callbackUrl: 'http://localhost:3000/callback/n', codeChallenge: 'abc', limit: 7 }))
    expect(`${url.origin}${url.pathname}`).toBe('https://openrouter.ai/auth')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      callback_url: 'http://localhost:3000/callback/n',
      code_challenge: 'abc',
      code_challenge_method: 'S256',
      limit: '7',
    })
  })
})
