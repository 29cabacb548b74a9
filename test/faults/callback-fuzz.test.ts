// Fuzzes the loopback listener with generated requests (raw sockets, so malformed ones reach it too).
// Properties: it never crashes, never hands the flow a code unless the request was the one expected
// navigation on the nonce path, and never echoes what it was sent.
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCallbackListener, type CallbackEvent, type CallbackListener } from '../../main/core/connect/callback-server'
import { NAVIGATION_HEADERS, rawRequest } from '../support/http'

const NONCE = 'FuzzNonce_0123456789abcdefghijklmn'
const RUNS = Number(process.env['ORKM_FUZZ_RUNS'] ?? 2000)
const MARKER = 'QZXECHO'

let listener: CallbackListener
const events: Array<{ event: CallbackEvent; request: string }> = []
let lastRequest = ''

async function reopen(): Promise<void> {
  await listener?.close()
  listener = await openCallbackListener({
    preferredPort: 0,
    nonce: NONCE,
    onCallback: async (event) => {
      events.push({ event, request: lastRequest })
      return { ok: true, heading: 'Connected', detail: 'ok' }
    },
  })
}

beforeAll(reopen)
afterAll(async () => listener.close())

function sendRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let response = ''
    socket.setTimeout(3000, () => socket.destroy())
    socket.on('data', (chunk) => (response += chunk.toString('latin1')))
    socket.on('close', () => resolve(response))
    socket.on('error', () => resolve(response))
    socket.end(raw, 'latin1')
  })
}

const token = fc.stringMatching(/^[A-Za-z0-9._~%<>"'&=+-]{0,24}$/).map((text) => `${MARKER}${text}`)
const pathArbitrary = fc.oneof(
  fc.constant(`/callback/${NONCE}`),
  fc.constant('/favicon.ico'),
  fc.constant(`/callback/${NONCE}/`),
  fc.constant(`/CALLBACK/${NONCE}`),
  fc.constant(`//callback/${NONCE}`),
  fc.constant(`/callback/${NONCE.slice(0, -1)}`),
  token.map((text) => `/callback/${text}`),
  token.map((text) => `/${text}`),
  fc.constant(`http://evil.example/callback/${NONCE}`),
)
const queryArbitrary = fc.oneof(
  fc.constant(''),
  token.map((code) => `?code=${code}`),
  fc.tuple(token, token).map(([a, b]) => `?code=${a}&code=${b}`),
  token.map((error) => `?error=${error}`),
  fc.tuple(token, token).map(([name, value]) => `?${name}=${value}`),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => `?code=${MARKER}${'a'.repeat(length)}`),
  fc.constant('?code=%00%ff%fe'),
)
const arbitraryRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'G\u00e9T'),
  path: pathArbitrary,
  query: queryArbitrary,
  host: fc.constantFrom('localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'evil.example:PORT', 'localhost', '', 'localhost:1'),
  fetchMode: fc.constantFrom(undefined, 'navigate', 'cors', 'no-cors'),
  fetchDest: fc.constantFrom(undefined, 'document', 'image', 'iframe', 'empty'),
  origin: fc.constantFrom(undefined, 'https://evil.example', 'null'),
})

// Half the runs start from the one valid request and change a few of its parts, so acceptance is exercised too.
const validCode = fc.stringMatching(/^[A-Za-z0-9._~-]{1,40}$/).map((code) => `?code=${code}`)
const nearValidRequest = fc
  .tuple(arbitraryRequest, validCode, fc.array(fc.constantFrom('method', 'path', 'query', 'host', 'fetchMode', 'fetchDest', 'origin'), { maxLength: 2 }))
  .map(([random, query, mutated]) => {
    const valid = { method: 'GET', path: `/callback/${NONCE}`, query, host: 'localhost:PORT', fetchMode: 'navigate', fetchDest: 'document', origin: undefined }
    const fields = Object.keys(valid) as Array<keyof typeof valid>
    const picked = Object.fromEntries(fields.map((field) => [field, mutated.includes(field) ? random[field] : valid[field]]))
    return picked as typeof random
  })
const requestArbitrary = fc.oneof(arbitraryRequest, nearValidRequest)

describe('callback listener fuzz', () => {
  it(`survives ${RUNS} generated requests: no crash, no code without the nonce path, no echo`, async () => {
    let completions = 0
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const port = listener.port
        const host = request.host.replace('PORT', String(port))
        const headers = [
          host ? `Host: ${host}` : null,
          request.fetchMode ? `Sec-Fetch-Mode: ${request.fetchMode}` : null,
          request.fetchDest ? `Sec-Fetch-Dest: ${request.fetchDest}` : null,
          request.origin ? `Origin: ${request.origin}` : null,
          'Connection: close',
        ].filter(Boolean)
        const target = `${request.path}${request.query}`
        lastRequest = `${request.method} ${target}`
        const before = events.length
        const response = await sendRaw(port, `${request.method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`)
        const body = response.split('\r\n\r\n').slice(1).join('\r\n\r\n')
        expect(body).not.toContain(MARKER)
        if (events.length > before) {
          const accepted = events.at(-1)!
          expect(request.method).toBe('GET')
          expect(request.path).toBe(`/callback/${NONCE}`)
          expect(['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}:${port}`)).toContain(host)
          expect(request.origin).toBeUndefined()
          if (accepted.event.kind === 'code') expect(target).toContain(`code=${accepted.event.code}`)
          completions += 1
          await reopen() // a completed flow closes its listener; the next run needs a fresh one
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 60_000 },
    )
    // Still alive and still able to complete a flow.
    const final = await rawRequest({ port: listener.port, path: `/callback/${NONCE}?code=final`, headers: NAVIGATION_HEADERS })
    expect(final.status).toBe(200)
    expect(events.at(-1)!.event).toEqual({ kind: 'code', code: 'final' })
    console.log(`fuzz: ${RUNS} requests, ${completions} accepted as valid callbacks`)
    expect(completions).toBeGreaterThan(0) // the generator does reach the accepting path
  }, 120_000)
})
