// Real loopback sockets: the listener as a browser (and an attacker) would meet it.
import { connect, createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_LISTENER_LIMITS,
  openCallbackListener,
  type CallbackEvent,
  type CallbackListener,
  type ListenerLimits,
} from '../../../main/core/connect/callback-server'
import { freePort, holdPort, isListening, NAVIGATION_HEADERS, rawRequest } from '../../support/http'

const NONCE = 'n0nce-For-Tests_abcdefghijklmnopqrstuv'
let listener: CallbackListener | null = null
let blocker: Server | null = null

afterEach(async () => {
  await listener?.close()
  listener = null
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()))
  blocker = null
})

async function open(preferredPort?: number, limits?: Partial<ListenerLimits>) {
  const events: CallbackEvent[] = []
  listener = await openCallbackListener({
    preferredPort: preferredPort ?? (await freePort()),
    nonce: NONCE,
    ...(limits ? { limits } : {}),
    onCallback: async (event) => {
      events.push(event)
      return { ok: true, heading: 'Connected — you can close this tab', detail: 'Done.' }
    },
  })
  return { listener, events }
}

const callback = (query: string) => `/callback/${NONCE}${query}`

describe('callback listener', () => {
  it('listens on the preferred port, on loopback, with a nonce path on localhost', async () => {
    const port = await freePort()
    const { listener } = await open(port)
    expect(listener.port).toBe(port)
    expect(listener.usedFallbackPort).toBe(false)
    expect(listener.callbackUrl).toBe(`http://localhost:${port}/callback/${NONCE}`)
    expect(listener.addresses.every((address) => address === '127.0.0.1' || address === '::1')).toBe(true)
  })

  it('accepts exactly one navigation with a code, shows the page, then closes', async () => {
    const { listener, events } = await open()
    const response = await rawRequest({ port: listener.port, path: callback('?code=abc-123'), headers: NAVIGATION_HEADERS })
    expect(response.status).toBe(200)
    expect(response.body).toContain('Connected — you can close this tab')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    expect(events).toEqual([{ kind: 'code', code: 'abc-123' }])
    await expect.poll(() => isListening(listener.port)).toBe(false)
  })

  it('answers 404 to other paths, favicon included, and still completes afterwards', async () => {
    const { listener, events } = await open()
    for (const path of ['/favicon.ico', '/callback', `/callback/${NONCE}x?code=a`, `/callback/wrong?code=a`, '/']) {
      expect((await rawRequest({ port: listener.port, path, headers: NAVIGATION_HEADERS })).status).toBe(404)
    }
    expect(events).toEqual([])
    expect((await rawRequest({ port: listener.port, path: callback('?code=ok'), headers: NAVIGATION_HEADERS })).status).toBe(200)
    expect(events).toHaveLength(1)
  })

  it('refuses malformed callbacks without ending the flow', async () => {
    const { listener, events } = await open()
    const bad = ['', '?code=', '?code=a&code=b', '?code=%3Cscript%3E', '?code=a&error=x', '?code=a&evil=1', `?code=${'a'.repeat(600)}`]
    for (const query of bad) {
      const response = await rawRequest({ port: listener.port, path: callback(query), headers: NAVIGATION_HEADERS })
      expect(response.status, query).toBe(400)
      expect(response.body).not.toContain('<script>')
    }
    expect((await rawRequest({ port: listener.port, path: callback('?code=x'), method: 'POST' })).status).toBe(405)
    expect(events).toEqual([])
    expect(await isListening(listener.port)).toBe(true)
  })

  it('refuses requests from web pages and rebound DNS names', async () => {
    const { listener, events } = await open()
    const path = callback('?code=stolen')
    const refused = [
      { host: `evil.example:${listener.port}` },
      { headers: { ...NAVIGATION_HEADERS, 'sec-fetch-mode': 'cors' } },
      { headers: { ...NAVIGATION_HEADERS, 'sec-fetch-dest': 'image' } },
      { headers: { ...NAVIGATION_HEADERS, 'sec-fetch-dest': 'iframe' } },
      { headers: { ...NAVIGATION_HEADERS, origin: 'https://evil.example' } },
    ]
    for (const variant of refused) {
      const response = await rawRequest({ port: listener.port, path, ...variant })
      expect([403, 421]).toContain(response.status)
    }
    expect(events).toEqual([])
  })

  it('passes an error redirect (the person clicked Deny) to the flow once', async () => {
    const { listener, events } = await open()
    await rawRequest({ port: listener.port, path: callback('?error=access_denied'), headers: NAVIGATION_HEADERS })
    expect(events).toEqual([{ kind: 'error', error: 'access_denied' }])
  })

  it('answers a second valid callback with "already handled", never a second event', async () => {
    let release: () => void = () => {}
    const events: CallbackEvent[] = []
    listener = await openCallbackListener({
      preferredPort: await freePort(),
      nonce: NONCE,
      onCallback: async (event) => {
        events.push(event)
        await new Promise<void>((resolve) => (release = resolve))
        return { ok: true, heading: 'Connected', detail: '' }
      },
    })
    const first = rawRequest({ port: listener.port, path: callback('?code=one'), headers: NAVIGATION_HEADERS })
    await expect.poll(() => events.length).toBe(1)
    const second = await rawRequest({ port: listener.port, path: callback('?code=two'), headers: NAVIGATION_HEADERS })
    expect(second.status).toBe(409)
    release()
    expect((await first).status).toBe(200)
    expect(events).toEqual([{ kind: 'code', code: 'one' }])
  })

  it('falls back to a free port when the preferred one is held by a program answering HTTP', async () => {
    const port = await freePort()
    blocker = await holdPort(port, '127.0.0.1', true)
    const { listener } = await open(port)
    expect(listener.usedFallbackPort).toBe(true)
    expect(listener.port).not.toBe(port)
    expect((await rawRequest({ port: listener.port, path: callback('?code=ok'), headers: NAVIGATION_HEADERS })).status).toBe(200)
  })

  it('detects a port held on all interfaces', async () => {
    const port = await freePort()
    blocker = await holdPort(port, '0.0.0.0', false)
    const { listener } = await open(port)
    expect(listener.usedFallbackPort).toBe(true)
  })

  // Judged by the machine, not by the listener: where ::1 can be bound, the listener must bind it.
  it.runIf(MACHINE_HAS_IPV6_LOOPBACK)('binds ::1 as well as 127.0.0.1, and a request to [::1] reaches it', async () => {
    const { listener, events } = await open()
    expect([...listener.addresses].sort()).toEqual(['127.0.0.1', '::1'])
    const response = await rawRequest({ port: listener.port, address: '::1', path: callback('?code=v6'), headers: NAVIGATION_HEADERS })
    expect(response.status).toBe(200)
    expect(events).toEqual([{ kind: 'code', code: 'v6' }])
  })

  it.skipIf(MACHINE_HAS_IPV6_LOOPBACK)('binds 127.0.0.1 alone on a machine without IPv6 loopback', async () => {
    const { listener } = await open()
    expect(listener.addresses).toEqual(['127.0.0.1'])
  })

  it('closes when the browser drops the connection while the flow is still working', async () => {
    let release: () => void = () => {}
    listener = await openCallbackListener({
      preferredPort: await freePort(),
      nonce: NONCE,
      onCallback: async () => {
        await new Promise<void>((resolve) => (release = resolve))
        return { ok: true, heading: 'Connected', detail: '' }
      },
    })
    const port = listener.port
    const { request } = await import('node:http')
    const req = request({ host: '127.0.0.1', port, path: callback('?code=tab-closed'), headers: { host: `localhost:${port}`, ...NAVIGATION_HEADERS } })
    req.on('error', () => {})
    req.end()
    await new Promise((resolve) => setTimeout(resolve, 100))
    req.destroy() // the tab is closed
    await expect.poll(() => isListening(port)).toBe(false)
    release()
  })

  it('closes on demand: the port no longer answers', async () => {
    const { listener } = await open()
    expect(await isListening(listener.port)).toBe(true)
    await listener.close()
    expect(await isListening(listener.port)).toBe(false)
  })
})

const MACHINE_HAS_IPV6_LOOPBACK = await new Promise<boolean>((resolve) => {
  const probe = createServer()
  probe.once('error', () => resolve(false))
  probe.listen(0, '::1', () => probe.close(() => resolve(true)))
})

/** A raw client connection that records when the listener closes it. */
interface RawClient {
  socket: Socket
  closed: boolean
}

function openRawClient(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const client: RawClient = { socket, closed: false }
    socket.on('error', () => {}) // a reset from the listener is one of the ways it closes us
    socket.once('close', () => (client.closed = true))
    socket.once('connect', () => resolve(client))
    socket.once('error', reject)
  })
}

const openClients: RawClient[] = []
afterEach(() => {
  for (const client of openClients.splice(0)) client.socket.destroy()
})

async function rawClients(port: number, count: number, partialRequest: (index: number) => string | null): Promise<RawClient[]> {
  const clients: RawClient[] = []
  for (let index = 0; index < count; index += 1) {
    const client = await openRawClient(port)
    openClients.push(client)
    const partial = partialRequest(index)
    if (partial !== null) client.socket.write(partial)
    clients.push(client)
  }
  return clients
}

const closedCount = (clients: RawClient[]) => clients.filter((client) => client.closed).length

describe('callback listener limits', () => {
  it('defaults close idle and slow connections within seconds, with a connection cap', () => {
    expect(DEFAULT_LISTENER_LIMITS.idleTimeoutMs).toBeLessThanOrEqual(10_000)
    expect(DEFAULT_LISTENER_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000)
    expect(DEFAULT_LISTENER_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(15_000)
    expect(DEFAULT_LISTENER_LIMITS.maxConnections).toBeGreaterThan(0)
  })

  it('closes connections that send nothing once they have been idle for the idle limit', async () => {
    const { listener } = await open(undefined, { idleTimeoutMs: 200, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 })
    const idle = await rawClients(listener.port, 20, () => null)
    await expect.poll(() => closedCount(idle), { timeout: 15_000 }).toBe(20)
  })

  it('closes a slowloris connection that keeps trickling header bytes, by the headers limit', async () => {
    // Idle and request limits far away: only the headers limit can close it.
    const { listener } = await open(undefined, { headersTimeoutMs: 300, requestTimeoutMs: 60_000, idleTimeoutMs: 60_000 })
    const [slow] = await rawClients(listener.port, 1, () => `GET ${callback('?code=slow')} HTTP/1.1\r\nHost: localhost:${listener.port}\r\n`)
    const trickle = setInterval(() => {
      if (!slow!.closed) slow!.socket.write('X-Slow: a\r\n')
    }, 50)
    try {
      await expect.poll(() => slow!.closed, { timeout: 15_000 }).toBe(true)
    } finally {
      clearInterval(trickle)
    }
  })

  it('at the cap closes the oldest connections without a complete request; the real callback completes while 300 are open', async () => {
    const cap = 40
    // Time limits far away: only the cap closes anything here.
    const { listener, events } = await open(undefined, { maxConnections: cap, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000, idleTimeoutMs: 60_000 })
    const head = `GET ${callback('?code=never-finished')} HTTP/1.1\r\nHost: localhost:${listener.port}\r\n`
    // Alternately idle and slowloris (headers started, never finished).
    const attackers = await rawClients(listener.port, 300, (index) => (index % 2 === 0 ? null : head))
    await expect.poll(() => closedCount(attackers), { timeout: 20_000 }).toBe(300 - cap)
    // The ones still open are the newest: the oldest were closed first.
    expect(attackers.slice(-cap).every((client) => !client.closed)).toBe(true)
    const response = await rawRequest({ port: listener.port, path: callback('?code=real'), headers: NAVIGATION_HEADERS })
    expect(response.status).toBe(200)
    expect(events).toEqual([{ kind: 'code', code: 'real' }])
  }, 60_000)

  it('keeps the connection whose callback is being answered open past the idle limit', async () => {
    let release: () => void = () => {}
    const events: CallbackEvent[] = []
    listener = await openCallbackListener({
      preferredPort: await freePort(),
      nonce: NONCE,
      limits: { idleTimeoutMs: 200, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
      onCallback: async (event) => {
        events.push(event)
        await new Promise<void>((resolve) => (release = resolve))
        return { ok: true, heading: 'Connected', detail: '' }
      },
    })
    const answer = rawRequest({ port: listener.port, path: callback('?code=slow-exchange'), headers: NAVIGATION_HEADERS })
    await expect.poll(() => events.length).toBe(1)
    // A silent connection opened after the callback arrived: once it is closed, the idle limit has passed.
    const [witness] = await rawClients(listener.port, 1, () => null)
    await expect.poll(() => witness!.closed, { timeout: 15_000 }).toBe(true)
    release()
    expect((await answer).status).toBe(200)
  })
})
