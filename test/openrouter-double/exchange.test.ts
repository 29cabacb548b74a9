// POST /api/v1/auth/keys: single use, 10-minute expiry, method binding and PKCE verification.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { exchange, MINUTE, RFC_CHALLENGE, RFC_VERIFIER, useDouble } from './test-support'

const fixture = useDouble()
const s256Code = () => fixture.double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
const goodBody = (code: string) => ({ code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })

describe('PKCE', () => {
  it('S256 accepts base64url(sha256(verifier)) without padding: the RFC 7636 vector and a fresh one', async () => {
    expect(createHash('sha256').update(RFC_VERIFIER).digest('base64url')).toBe(RFC_CHALLENGE) // the vector is right
    expect((await exchange(fixture.double, goodBody(s256Code()))).status).toBe(200)
    const verifier = 'x'.repeat(43) + '-._~'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const code = fixture.double.issueCode({ codeChallenge: challenge, codeChallengeMethod: 'S256' })
    expect((await exchange(fixture.double, { code, code_verifier: verifier, code_challenge_method: 'S256' })).status).toBe(200)
    expect(fixture.double.keys()).toHaveLength(2)
  })

  it('S256 refuses a padded challenge’s verifier, the challenge itself, and a near miss', async () => {
    const { double } = fixture
    for (const verifier of [RFC_CHALLENGE, `${RFC_VERIFIER}x`, RFC_VERIFIER.slice(0, -1)]) {
      const response = await exchange(double, { code: s256Code(), code_verifier: verifier, code_challenge_method: 'S256' })
      expect(response).toMatchObject({ status: 403, json: { error: { code: 403, message: 'Invalid code or code_verifier' } } })
    }
    const padded = double.issueCode({ codeChallenge: `${RFC_CHALLENGE}=`, codeChallengeMethod: 'S256' })
    expect((await exchange(double, goodBody(padded))).status).toBe(403)
    expect(double.keys()).toEqual([])
  })

  it('plain compares the verifier with the challenge as is', async () => {
    const { double } = fixture
    const code = double.issueCode({ codeChallenge: 'the-plain-secret', codeChallengeMethod: 'plain' })
    expect((await exchange(double, { code, code_verifier: 'the-plain-secreT', code_challenge_method: 'plain' })).status).toBe(403)
    expect((await exchange(double, { code, code_verifier: 'the-plain-secret', code_challenge_method: 'plain' })).status).toBe(200)
  })

  it('a challenge without a verifier is invalid (403 by default, 400 when configured)', async () => {
    const { double } = fixture
    const code = s256Code()
    expect(await exchange(double, { code, code_challenge_method: 'S256' })).toMatchObject({ status: 403, json: { error: { message: 'Invalid code or code_verifier' } } })
    double.setInvalidCodeStatus(400)
    expect(await exchange(double, { code, code_challenge_method: 'S256' })).toMatchObject({
      status: 400,
      json: { error: { code: 400, message: 'Invalid code or code_verifier' } },
    })
    expect(await exchange(double, { code, code_verifier: 'wrong', code_challenge_method: 'S256' })).toMatchObject({ status: 400 })
  })

  it('a code minted without PKCE is exchanged with the code alone, as Cline does', async () => {
    const { double } = fixture
    const code = double.issueCode({ key: { limit: 1 } })
    const response = await exchange(double, { code })
    expect(response.status).toBe(200)
    expect(double.keys()).toEqual([expect.objectContaining({ limit: 1 })])
  })
})

describe('code_challenge_method must match the one given when the code was issued', () => {
  it.each([
    ['S256 stored, plain sent', 'S256', 'plain'],
    ['plain stored, S256 sent', 'plain', 'S256'],
    ['S256 stored, none sent', 'S256', undefined],
    ['S256 stored, null sent', 'S256', null],
    ['none stored, S256 sent (the live 400 from paddo/claude-launcher#2)', undefined, 'S256'],
  ] as const)('%s → 400 Invalid code_challenge_method', async (_name, stored, sent) => {
    const { double } = fixture
    const code = stored === undefined ? double.issueCode({}) : double.issueCode({ codeChallenge: stored === 'S256' ? RFC_CHALLENGE : RFC_VERIFIER, codeChallengeMethod: stored })
    const response = await exchange(double, { code, code_verifier: RFC_VERIFIER, ...(sent === undefined ? {} : { code_challenge_method: sent }) })
    expect(response).toMatchObject({ status: 400, json: { error: { code: 400, message: 'Invalid code_challenge_method' } } })
  })

  it('a challenge given without a method is stored as plain (RFC 7636 §4.3)', async () => {
    const { double } = fixture
    const code = double.issueCode({ codeChallenge: 'verifier-as-challenge' })
    expect((await exchange(double, { code, code_verifier: 'verifier-as-challenge', code_challenge_method: 'S256' })).status).toBe(400)
    expect((await exchange(double, { code, code_verifier: 'verifier-as-challenge', code_challenge_method: 'plain' })).status).toBe(200)
  })

  it('the code is checked before the method: an unknown code with any method is "invalid"', async () => {
    const response = await exchange(fixture.double, { code: 'auth_code_unknown', code_verifier: RFC_VERIFIER, code_challenge_method: 'plain' })
    expect(response).toMatchObject({ status: 403, json: { error: { message: 'Invalid code or code_verifier' } } })
  })
})

describe('single use', () => {
  it('a code exchanged once is refused the second time, and only one key exists', async () => {
    const { double } = fixture
    const code = s256Code()
    const first = await exchange(double, goodBody(code))
    expect(first.status).toBe(200)
    const second = await exchange(double, goodBody(code))
    expect(second).toMatchObject({ status: 403, json: { error: { code: 403, message: 'Invalid code or code_verifier' } } })
    expect(double.keys().map((key) => key.secret)).toEqual([(first.json as { key: string }).key])
  })

  it('a failed attempt does not consume the code (consume on success only)', async () => {
    const { double } = fixture
    const code = s256Code()
    expect((await exchange(double, { ...goodBody(code), code_verifier: 'wrong' })).status).toBe(403)
    expect((await exchange(double, { ...goodBody(code), code_challenge_method: 'plain' })).status).toBe(400)
    expect((await exchange(double, goodBody(code))).status).toBe(200)
    expect((await exchange(double, goodBody(code))).status).toBe(403)
  })

  it('two concurrent exchanges of one code yield exactly one key', async () => {
    const { double } = fixture
    const code = s256Code()
    const results = await Promise.all([exchange(double, goodBody(code)), exchange(double, goodBody(code)), exchange(double, goodBody(code))])
    expect(results.map((result) => result.status).sort()).toEqual([200, 403, 403])
    expect(double.keys()).toHaveLength(1)
  })
})

describe('expiry: 10 minutes after issue', () => {
  it('works at 9:59.999 and is "Authorization code expired" (403) from 10:00', async () => {
    const { double } = fixture
    const early = s256Code()
    const late = s256Code()
    fixture.clock += 10 * MINUTE - 1
    expect((await exchange(double, goodBody(early))).status).toBe(200)
    fixture.clock += 1
    expect(await exchange(double, goodBody(late))).toMatchObject({ status: 403, json: { error: { code: 403, message: 'Authorization code expired' } } })
  })

  it('stays 403 when bad codes are configured as 400, as the docs list expiry as 403', async () => {
    const { double } = fixture
    double.setInvalidCodeStatus(400)
    const code = s256Code()
    fixture.clock += 11 * MINUTE
    expect(await exchange(double, goodBody(code))).toMatchObject({ status: 403, json: { error: { message: 'Authorization code expired' } } })
  })
})

describe('the new key', () => {
  it('has the requested state, the default user, and a masked OpenRouter label', async () => {
    const { double } = fixture
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256', key: { limit: 12, limitReset: 'daily', expiresAt: '2027-01-01T00:00:00Z' } })
    const response = await exchange(double, goodBody(code))
    const { key, user_id } = response.json as { key: string; user_id: string }
    expect(user_id).toBe('user_2yOPcMpKoQhcd4bVgSMlELRaIah')
    expect(double.keys()).toEqual([
      expect.objectContaining({ secret: key, limit: 12, limitReset: 'daily', expiresAt: '2027-01-01T00:00:00Z', usage: 0, disabled: false, label: `${key.slice(0, 12)}...${key.slice(-3)}` }),
    ])
  })
})

describe('request validation', () => {
  it.each([
    ['no body', undefined],
    ['no code', { code_verifier: RFC_VERIFIER }],
    ['an empty code', { code: '' }],
    ['a numeric code', { code: 42 }],
    ['an unknown method', { code: 'x', code_challenge_method: 'S512' }],
    ['an array', [1, 2]],
  ])('%s → 400 with the envelope', async (_name, body) => {
    const response = await exchange(fixture.double, body as Record<string, unknown>)
    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({ error: { code: 400, message: expect.stringMatching(/^Invalid request parameters/) } })
  })

  it('a body that is not JSON → 400', async () => {
    const response = await exchange(fixture.double, '{"code":' as unknown as Record<string, unknown>)
    expect(response).toMatchObject({ status: 400, contentType: 'application/json', json: { error: { code: 400, message: 'Invalid JSON in request body' } } })
  })
})
