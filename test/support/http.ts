// A raw HTTP client for loopback tests: full control over method, Host and the browser's Sec-Fetch headers.
import { request } from 'node:http'
import { createServer, type Server } from 'node:net'
import { isPortAnswering } from '../../main/core/connect/callback-server'

export interface RawResponse {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

export function rawRequest(options: {
  port: number
  path: string
  method?: string
  host?: string
  address?: string
  headers?: Record<string, string>
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `localhost:${options.port}`, ...options.headers },
        timeout: 10_000,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.end()
  })
}

/** A navigation as a browser sends it after OpenRouter's redirect. */
export const NAVIGATION_HEADERS = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-site': 'cross-site' }

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

export async function holdPort(port: number, host = '127.0.0.1', answerHttp = true): Promise<Server> {
  const server = createServer((socket) => {
    socket.on('error', () => {}) // probes hang up abruptly
    if (answerHttp) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nhi')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return server
}

export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return isPortAnswering(host, port)
}
