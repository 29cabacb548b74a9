import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogger, redact, rotatedLogFile } from '../../../main/core/base/logger'
import { makeTempDir } from '../../support/temp-dir'

const SECRET = `sk-or-v1-${'d'.repeat(64)}`
let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

async function tempLogDir(): Promise<string> {
  const dir = await makeTempDir('orkm-log-')
  cleanup = dir.remove
  return dir.path
}

describe('logger', () => {
  it('scrubs keys, codes, verifiers and bearer tokens that reach it by mistake', () => {
    const text = redact(`key=${SECRET} url=http://localhost:3000/callback/n?code=abc123&x=1 {"code_verifier":"v3r"} Bearer tok`)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('abc123')
    expect(text).not.toContain('v3r')
    expect(text).not.toContain('tok')
    expect(text).toContain('[redacted]')
  })

  it('keeps what is not secret readable', () => {
    const line = redact('connect flow {"phase":"exchanging","keyId":"3f2a9c0d1e2b","url":"http://localhost:3000/callback/n?state=1"}')
    expect(line).toBe('connect flow {"phase":"exchanging","keyId":"3f2a9c0d1e2b","url":"http://localhost:3000/callback/n?state=1"}')
  })

  it('writes redacted lines to its file', async () => {
    const file = join(await tempLogDir(), 'logs', 'main.log')
    const logger = createFileLogger(file)
    logger.error('failed', { error: new Error(`bad ${SECRET}`) })
    const contents = await readFile(file, 'utf8')
    expect(contents).toContain('ERROR failed')
    expect(contents).not.toContain(SECRET)
  })

  it('writes one line per entry, whatever line breaks the message holds', async () => {
    const file = join(await tempLogDir(), 'main.log')
    const logger = createFileLogger(file)
    logger.info('first\nINFO forged entry\r\nthird')
    logger.warn('second', { detail: 'a\nb' })
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('first\\nINFO forged entry\\r\\nthird')
  })

  it('rotates by size: two files at most, each within the limit, the newest entries in the current file', async () => {
    const dir = await tempLogDir()
    const file = join(dir, 'main.log')
    const maxBytes = 2000
    const logger = createFileLogger(file, { maxBytes })
    for (let index = 0; index < 200; index += 1) logger.info(`entry ${String(index).padStart(4, '0')} ${'x'.repeat(60)}`)
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1'])
    const current = readFileSync(file, 'utf8')
    const previous = readFileSync(rotatedLogFile(file), 'utf8')
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(maxBytes)
    expect(Buffer.byteLength(previous)).toBeLessThanOrEqual(maxBytes)
    expect(current).toContain('entry 0199')
    expect(previous + current).not.toContain('entry 0000') // the oldest entries are gone
    // A new logger on the same file carries on from its size rather than starting over.
    createFileLogger(file, { maxBytes }).info('after restart')
    expect(Buffer.byteLength(readFileSync(file, 'utf8'))).toBeLessThanOrEqual(maxBytes)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Property: a secret that reaches a log line in any of the encodings below never appears in the file, neither
// as it is, nor in the encoding it arrived in, nor after decoding the file, nor in part.

type SecretKind = 'key' | 'code' | 'verifier'

interface Leak {
  kind: SecretKind
  secret: string
  /** What the caller passed to the logger. */
  message: string
  details?: Record<string, unknown>
  /** The encoded text that carried the secret, which must not appear either. */
  carrier: string
}

const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
const keyArb = hex.map((body) => `sk-or-v1-${body}`)
const codeArb = fc.stringMatching(/^[A-Za-z0-9._~-]{16,64}$/)
const verifierArb = fc.stringMatching(/^[A-Za-z0-9._~-]{43,128}$/)

const percentEncodeAll = (text: string, upper: boolean) =>
  [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`).join('')
const unicodeEscapeAll = (text: string) => [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const splitAt = (text: string, fraction: number, lineBreak: string) => {
  const at = 1 + Math.floor(fraction * (text.length - 1))
  return `${text.slice(0, at)}${lineBreak}${text.slice(at)}`
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
const lineBreak = fc.constantFrom('\n', '\r\n')

const keyLeaks: fc.Arbitrary<Leak> = fc.oneof(
  keyArb.map((secret) => ({ kind: 'key' as const, secret, message: `request failed for ${secret}`, carrier: secret })),
  keyArb.map((secret) => ({ kind: 'key' as const, secret, message: 'failed', details: { error: new Error(`bad ${secret}`) }, carrier: secret })),
  // JSON-escaped: JSON inside a JSON string, and every character as a \u escape.
  keyArb.map((secret) => {
    const carrier = JSON.stringify(JSON.stringify({ value: secret }))
    return { kind: 'key' as const, secret, message: `body ${carrier}`, carrier }
  }),
  keyArb.map((secret) => {
    const carrier = unicodeEscapeAll(secret)
    return { kind: 'key' as const, secret, message: 'body', details: { raw: `{"value":"${carrier}"}` }, carrier }
  }),
  fc.tuple(keyArb, fc.boolean()).map(([secret, upper]) => {
    const carrier = percentEncodeAll(secret, upper)
    return { kind: 'key' as const, secret, message: `GET https://example.invalid/?value=${carrier}`, carrier }
  }),
  fc.tuple(keyArb, fraction, lineBreak).map(([secret, at, brk]) => {
    const carrier = splitAt(secret, at, brk)
    return { kind: 'key' as const, secret, message: `value ${carrier} end`, carrier }
  }),
  fc.tuple(keyArb, fc.constantFrom('', 'user', 'x-api-key')).map(([secret, user]) => {
    const carrier = Buffer.from(`${user}:${secret}`).toString('base64')
    return { kind: 'key' as const, secret, message: 'request', details: { headers: { authorization: `Basic ${carrier}` } }, carrier }
  }),
  fc.tuple(keyArb, fc.constantFrom('', 'user')).map(([secret, user]) => {
    const carrier = Buffer.from(`${user}:${secret}`).toString('base64')
    return { kind: 'key' as const, secret, message: `Authorization: Basic ${carrier}`, carrier }
  }),
)

const codeLeaks: fc.Arbitrary<Leak> = fc.oneof(
  codeArb.map((secret) => ({ kind: 'code' as const, secret, message: `callback http://localhost:3000/callback/n?code=${secret}&state=1`, carrier: secret })),
  // A form body: code= at the very start of what is logged.
  codeArb.map((secret) => ({ kind: 'code' as const, secret, message: `code=${secret}&code_challenge_method=S256`, carrier: secret })),
  codeArb.map((secret) => ({ kind: 'code' as const, secret, message: 'exchange', details: { body: `code=${secret}` }, carrier: secret })),
  codeArb.map((secret) => ({ kind: 'code' as const, secret, message: 'exchange', details: { code: secret }, carrier: secret })),
  codeArb.map((secret) => {
    const carrier = JSON.stringify(JSON.stringify({ code: secret }))
    return { kind: 'code' as const, secret, message: 'exchange', details: { body: JSON.parse(carrier) as string }, carrier }
  }),
  fc.tuple(codeArb, fc.boolean()).map(([secret, whole]) => {
    const callback = `http://localhost:3000/callback/n?code=${secret}`
    const carrier = whole ? percentEncodeAll(callback, true) : encodeURIComponent(callback)
    return { kind: 'code' as const, secret, message: `opened https://openrouter.ai/auth?callback_url=${carrier}`, carrier }
  }),
  fc.tuple(codeArb, fraction, lineBreak).map(([secret, at, brk]) => {
    const carrier = splitAt(secret, at, brk)
    return { kind: 'code' as const, secret, message: `callback /callback/n?code=${carrier}`, carrier }
  }),
)

const verifierLeaks: fc.Arbitrary<Leak> = fc.oneof(
  verifierArb.map((secret) => ({ kind: 'verifier' as const, secret, message: `code=abcdefgh&code_verifier=${secret}`, carrier: secret })),
  verifierArb.map((secret) => ({ kind: 'verifier' as const, secret, message: 'exchange', details: { code_verifier: secret }, carrier: secret })),
  verifierArb.map((secret) => ({ kind: 'verifier' as const, secret, message: 'exchange', details: { request: { codeVerifier: secret } }, carrier: secret })),
  verifierArb.map((secret) => {
    const carrier = encodeURIComponent(`code_verifier=${secret}`)
    return { kind: 'verifier' as const, secret, message: `body ${carrier}`, carrier }
  }),
  fc.tuple(verifierArb, fraction, lineBreak).map(([secret, at, brk]) => {
    const carrier = splitAt(secret, at, brk)
    return { kind: 'verifier' as const, secret, message: `code_verifier=${carrier}`, carrier }
  }),
)

/** The file as a reader could decode it: line breaks (real or escaped) removed, percent- and JSON-escapes undone. */
function decodedViews(text: string): string[] {
  const joined = text.replace(/\\r|\\n|\r|\n/g, '')
  const unescaped = joined.replace(/\\u([0-9A-Fa-f]{4})/g, (_m, code: string) => String.fromCharCode(parseInt(code, 16))).replace(/\\(.)/g, '$1')
  const percent = (value: string) => value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
  const base64 = [...joined.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map((match) => Buffer.from(match[0], 'base64').toString('latin1'))
  return [text, joined, unescaped, percent(joined), percent(unescaped), ...base64]
}

/** The part of a secret that identifies it: a key's body after `sk-or-v1-`, a code or verifier whole. */
function fragments(leak: Leak, length: number): string[] {
  const body = leak.kind === 'key' ? leak.secret.slice('sk-or-v1-'.length) : leak.secret
  const parts: string[] = []
  for (let start = 0; start + length <= body.length; start += 1) parts.push(body.slice(start, start + length))
  return parts
}

describe('logger: secrets in any encoding (property)', () => {
  it('no log line contains a key, code or verifier, however it was encoded', async () => {
    const dir = await tempLogDir()
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof(keyLeaks, codeLeaks, verifierLeaks), async (leak) => {
        run += 1
        const file = join(dir, `run-${run}.log`)
        const logger = createFileLogger(file)
        logger.info(leak.message, leak.details)
        const text = readFileSync(file, 'utf8')
        expect(text.split('\n').filter(Boolean)).toHaveLength(1)
        expect(text).not.toContain(leak.carrier)
        for (const view of decodedViews(text)) expect(view).not.toContain(leak.secret)
        for (const part of fragments(leak, 12)) expect(text).not.toContain(part)
      }),
      { numRuns: 600 },
    )
  })
})
