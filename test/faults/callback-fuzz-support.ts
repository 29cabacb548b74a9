// The listener fuzzer's parts, shared by the test (2,000 requests in `npm test`) and `npm run fuzz` (a soak):
// generated raw requests (so malformed ones reach the listener too), one listener that is reopened after each
// completed flow, and a judge of each exchange: crash, echo, wrong completion.
import { connect } from 'node:net'
import fc from 'fast-check'
import { isPortAnswering, openCallbackListener, type CallbackEvent, type CallbackListener } from '../../main/core/connect/callback-server'

export const NONCE = 'FuzzNonce_0123456789abcdefghijklmn'
/** Every generated value carries it, so an answer that reflects the request is caught. */
export const MARKER = 'QZXECHO'

export interface FuzzRequest {
  method: string
  path: string
  query: string
  host: string
  fetchMode: string | undefined
  fetchDest: string | undefined
  origin: string | undefined
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
const arbitraryRequest: fc.Arbitrary<FuzzRequest> = fc.record({
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
    const valid: FuzzRequest = { method: 'GET', path: `/callback/${NONCE}`, query, host: 'localhost:PORT', fetchMode: 'navigate', fetchDest: 'document', origin: undefined }
    const fields = Object.keys(valid) as Array<keyof FuzzRequest>
    return Object.fromEntries(fields.map((field) => [field, mutated.includes(field) ? random[field] : valid[field]])) as unknown as FuzzRequest
  })
export const requestArbitrary: fc.Arbitrary<FuzzRequest> = fc.oneof(arbitraryRequest, nearValidRequest)

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

/** What one request did. */
export interface FuzzOutcome {
  /** The listener stopped answering without having completed a flow. */
  crashed: boolean
  /** The answer's body reflected part of the request. */
  echoed: boolean
  /** A flow was completed by a request that is not the one expected navigation, or with another code. */
  wrongCompletion: string | null
  completed: boolean
}

export interface FuzzTarget {
  readonly events: CallbackEvent[]
  readonly listener: CallbackListener
  send(request: FuzzRequest): Promise<FuzzOutcome>
  close(): Promise<void>
}

export async function openFuzzTarget(): Promise<FuzzTarget> {
  const events: CallbackEvent[] = []
  let listener: CallbackListener | null = null
  const reopen = async () => {
    await listener?.close()
    listener = await openCallbackListener({
      preferredPort: 0,
      nonce: NONCE,
      onCallback: async (event) => {
        events.push(event)
        return { ok: true, heading: 'Connected', detail: 'ok' }
      },
    })
  }
  await reopen()
  const current = () => listener!
  return {
    events,
    get listener() {
      return current()
    },
    async send(request) {
      const port = current().port
      const host = request.host.replace('PORT', String(port))
      const headers = [
        host ? `Host: ${host}` : null,
        request.fetchMode ? `Sec-Fetch-Mode: ${request.fetchMode}` : null,
        request.fetchDest ? `Sec-Fetch-Dest: ${request.fetchDest}` : null,
        request.origin ? `Origin: ${request.origin}` : null,
        'Connection: close',
      ].filter(Boolean)
      const target = `${request.path}${request.query}`
      const before = events.length
      const response = await sendRaw(port, `${request.method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`)
      const body = response.split('\r\n\r\n').slice(1).join('\r\n\r\n')
      const completed = events.length > before
      let wrongCompletion: string | null = null
      if (completed) {
        const event = events.at(-1)!
        const expectedNavigation =
          request.method === 'GET' &&
          request.path === `/callback/${NONCE}` &&
          ['localhost', '127.0.0.1', '[::1]'].map((name) => `${name}:${port}`).includes(host) &&
          request.origin === undefined &&
          (event.kind !== 'code' || target.includes(`code=${event.code}`))
        if (!expectedNavigation) wrongCompletion = `${request.method} ${target} (Host: ${host}) completed a flow with ${JSON.stringify(event)}`
        await reopen() // a completed flow closes its listener; the next request needs a fresh one
      }
      const crashed = !completed && !(await isPortAnswering('127.0.0.1', port))
      if (crashed) await reopen()
      return { crashed, echoed: body.includes(MARKER), wrongCompletion, completed }
    },
    close: () => current().close(),
  }
}
