// The one-shot loopback listener that receives OpenRouter's redirect (RFC 8252 §7.3).
// Bound before the consent URL is built, on loopback only, on a path carrying a per-flow nonce
// (OpenRouter does not echo `state`). Everything that is not the one expected navigation is refused
// without ending the flow.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type Socket } from 'node:net'
import { timingSafeEqual } from 'node:crypto'
import { CALLBACK_PAGE_CSP, PAGES, renderCallbackPage, type CallbackPage } from './callback-page'

export type CallbackEvent = { kind: 'code'; code: string } | { kind: 'error'; error: string }

/**
 * Idle limits, so connections that never finish a request (idle sockets, slowloris) cannot pile up or keep
 * the real callback out. Tests set small values; the defaults close idle sockets within seconds.
 */
export interface ListenerLimits {
  /** Time allowed to receive a request's headers (the slowloris limit). */
  headersTimeoutMs: number
  /** Time allowed to receive a whole request. */
  requestTimeoutMs: number
  /** A connection with no traffic for this long is closed (except while its callback is being answered). */
  idleTimeoutMs: number
  /** Open connections at most; at the cap the oldest one without a complete request is closed. */
  maxConnections: number
}

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 5_000,
  maxConnections: 64,
}

export interface CallbackListenerOptions {
  preferredPort: number
  nonce: string
  /** Called once, for the first well-formed callback; its page is what the browser then shows. */
  onCallback(event: CallbackEvent): Promise<CallbackPage>
  limits?: Partial<ListenerLimits>
}

export interface CallbackListener {
  readonly port: number
  readonly callbackUrl: string
  /** True when the preferred port was taken by another program. */
  readonly usedFallbackPort: boolean
  readonly addresses: string[]
  close(): Promise<void>
}

/** OpenRouter codes are opaque tokens; anything outside this alphabet or length is not one. */
export const CODE_PATTERN = /^[A-Za-z0-9._~-]{1,512}$/
const MAX_URL_LENGTH = 4096
const ALLOWED_PARAMS = new Set(['code', 'error', 'error_description', 'state'])

export function callbackPath(nonce: string): string {
  return `/callback/${nonce}`
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Whether something already accepts connections there (including a process bound to 0.0.0.0 or ::). */
export function isPortAnswering(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const finish = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(timeoutMs, () => finish(false))
    socket.once('connect', () => finish(true))
    socket.once('error', () => finish(false))
  })
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen({ port, host, exclusive: true })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL'])

/**
 * Open connections of both servers (IPv4 and IPv6 share the cap), oldest first. A connection counts as
 * "pending" until a complete request arrived on it.
 */
class ConnectionCap {
  private readonly pending = new Map<Socket, true>()
  private readonly answered = new Set<Socket>()

  constructor(private readonly max: number) {}

  get size(): number {
    return this.pending.size + this.answered.size
  }

  admit(socket: Socket): void {
    socket.once('close', () => {
      this.pending.delete(socket)
      this.answered.delete(socket)
    })
    if (this.size >= this.max) {
      // Map iteration is insertion order: the first pending socket is the oldest without a complete request.
      const oldest = this.pending.keys().next()
      if (oldest.done) {
        // Every open connection is being answered: the newcomer waits for none of them.
        socket.destroy()
        return
      }
      this.pending.delete(oldest.value)
      oldest.value.destroy()
    }
    this.pending.set(socket, true)
  }

  requestArrived(socket: Socket): void {
    if (this.pending.delete(socket)) this.answered.add(socket)
  }
}

/** Binds 127.0.0.1 and, where the machine has it, ::1 on the same port, so `localhost` reaches us either way. */
async function bindLoopbackPair(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  limits: ListenerLimits,
  cap: ConnectionCap,
): Promise<{ servers: Server[]; port: number }> {
  const make = () => {
    const server = createServer(
      {
        maxHeaderSize: 8192,
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // Node checks the two timeouts above only at this interval (30 s by default).
        connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      },
      handler,
    )
    server.keepAliveTimeout = Math.min(1000, limits.idleTimeoutMs)
    // Socket inactivity: Node's server destroys a socket that stays silent this long.
    server.timeout = limits.idleTimeoutMs
    server.on('connection', (socket: Socket) => cap.admit(socket))
    server.on('request', (req: IncomingMessage) => cap.requestArrived(req.socket))
    return server
  }
  const ipv4 = make()
  const boundPort = await listen(ipv4, port, '127.0.0.1')
  const ipv6 = make()
  try {
    await listen(ipv6, boundPort, '::1')
    return { servers: [ipv4, ipv6], port: boundPort }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (NO_IPV6.has(code)) return { servers: [ipv4], port: boundPort }
    await closeServer(ipv4)
    throw error
  }
}

export async function openCallbackListener(options: CallbackListenerOptions): Promise<CallbackListener> {
  const path = callbackPath(options.nonce)
  const limits: ListenerLimits = { ...DEFAULT_LISTENER_LIMITS, ...options.limits }
  const cap = new ConnectionCap(limits.maxConnections)
  let port = 0
  let accepted = false
  let closed = false
  let servers: Server[] = []

  const validHosts = () => new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])

  const send = (res: ServerResponse, status: number, page: CallbackPage, extraHeaders: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CALLBACK_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      Connection: 'close',
      ...extraHeaders,
    })
    res.end(renderCallbackPage(page))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? ''
    if (rawUrl.length > MAX_URL_LENGTH || !rawUrl.startsWith('/')) return send(res, 414, PAGES.malformed)
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 carries its own Host.
    const host = (req.headers.host ?? '').toLowerCase()
    if (!validHosts().has(host)) return send(res, 421, PAGES.refused)
    let url: URL
    try {
      url = new URL(rawUrl, `http://${host}`)
    } catch {
      return send(res, 400, PAGES.malformed)
    }
    if (!sameText(url.pathname, path)) return send(res, 404, PAGES.notFound)
    if (req.method !== 'GET') return send(res, 405, PAGES.methodNotAllowed, { Allow: 'GET' })
    // The redirect is a top-level navigation; fetch(), <img>, <iframe> and form posts from a web page are not.
    const mode = req.headers['sec-fetch-mode']
    const dest = req.headers['sec-fetch-dest']
    if ((mode !== undefined && mode !== 'navigate') || (dest !== undefined && dest !== 'document') || req.headers.origin !== undefined) {
      return send(res, 403, PAGES.refused)
    }
    const params = url.searchParams
    const names = [...params.keys()]
    const codes = params.getAll('code')
    const errors = params.getAll('error')
    const wellFormed =
      names.every((name) => ALLOWED_PARAMS.has(name)) &&
      ((codes.length === 1 && errors.length === 0 && CODE_PATTERN.test(codes[0]!)) ||
        (codes.length === 0 && errors.length === 1 && /^[A-Za-z0-9_.-]{1,64}$/.test(errors[0]!)))
    if (!wellFormed) return send(res, 400, PAGES.malformed)
    if (accepted || closed) return send(res, 409, PAGES.alreadyUsed)
    accepted = true
    // The exchange may take longer than the idle limit: this one connection waits for its answer.
    req.socket.setTimeout(0)
    // Closed once this response is done, or the browser drops the connection (a closed tab) meanwhile.
    res.once('close', () => void listener.close())
    const event: CallbackEvent = codes.length === 1 ? { kind: 'code', code: codes[0]! } : { kind: 'error', error: errors[0]! }
    let page: CallbackPage
    try {
      page = await options.onCallback(event)
    } catch {
      page = { ok: false, heading: 'Something went wrong', detail: 'Return to OpenRouter Key Manager for details.' }
    }
    if (!res.destroyed) send(res, page.ok ? 200 : 400, page)
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, PAGES.malformed)
    })
  }

  // Bind first: a port held by another program (even one answering HTTP) is detected before the browser opens.
  let usedFallbackPort = false
  const preferredBusy =
    (await isPortAnswering('127.0.0.1', options.preferredPort)) || (await isPortAnswering('::1', options.preferredPort))
  if (!preferredBusy) {
    try {
      ;({ servers, port } = await bindLoopbackPair(options.preferredPort, handler, limits, cap))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (error as NodeJS.ErrnoException).code !== 'EACCES') throw error
    }
  }
  if (servers.length === 0) {
    usedFallbackPort = true
    let lastError: unknown = null
    for (let attempt = 0; attempt < 5 && servers.length === 0; attempt += 1) {
      try {
        ;({ servers, port } = await bindLoopbackPair(0, handler, limits, cap))
      } catch (error) {
        lastError = error
      }
    }
    if (servers.length === 0) throw lastError ?? new Error('No loopback port could be bound.')
  }

  const listener: CallbackListener = {
    port,
    callbackUrl: `http://localhost:${port}${path}`,
    usedFallbackPort,
    addresses: servers.map((server) => {
      const address = server.address()
      return typeof address === 'object' && address ? address.address : ''
    }),
    async close() {
      if (closed) return
      closed = true
      await Promise.all(servers.map(closeServer))
    },
  }
  return listener
}
