// Production builds serve the renderer from app://bundle/… instead of file:// (Electron security checklist #18):
// a real origin for the CSP and the IPC sender check, and no file:// privileges. This resolves a request
// to a file inside the renderer folder, and nothing outside it.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

export const APP_PROTOCOL_SCHEME = 'app'
export const APP_PROTOCOL_HOST = 'bundle'
export const APP_PROTOCOL_ORIGIN = `${APP_PROTOCOL_SCHEME}://${APP_PROTOCOL_HOST}`

/**
 * Sent with every app:// response. No inline script or style elements, nothing from the network.
 * React's `style={…}` props still work: React DOM sets them through the CSSOM (`element.style[name] = …`,
 * `style.setProperty`), which CSP does not govern; only `style="…"` markup and setAttribute('style') are
 * blocked (checked in Chromium by test/core/app-protocol-chromium.test.ts).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export type AppProtocolResolution = { filePath: string; mimeType: string } | { status: 403 | 404 }

/** The path exactly as written: the URL parser would quietly resolve `..` segments and hide an attempt. */
function rawPathOf(rawUrl: string): string {
  return rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/, 1)[0] ?? ''
}

export function resolveAppProtocolRequest(rawUrl: string, rendererDir: string): AppProtocolResolution {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return { status: 404 }
  }
  // `host` includes any port, so app://bundle:1/ is refused too.
  if (url.protocol !== `${APP_PROTOCOL_SCHEME}:` || url.host !== APP_PROTOCOL_HOST || url.username || url.password) return { status: 404 }
  let path: string
  try {
    path = decodeURIComponent(rawPathOf(rawUrl)) // once: %252e stays the literal text "%2e"
  } catch {
    return { status: 404 }
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 403 }
  const segments = path.split('/').filter((segment, index) => index > 0 || segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return { status: 403 }
  const relative = segments.length === 0 || (segments.length === 1 && segments[0] === '') ? ['index.html'] : segments
  const root = normalize(rendererDir)
  const filePath = join(root, ...relative)
  // Belt and braces: whatever the checks above missed, nothing outside the renderer folder is served.
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) return { status: 403 }
  const mimeType = MIME_TYPES[extname(filePath).toLowerCase()]
  return mimeType ? { filePath, mimeType } : { status: 404 }
}

/** Sent with every app:// response, success or not. */
export const APP_PROTOCOL_HEADERS: Readonly<Record<string, string>> = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' }

export interface AppProtocolResponse {
  status: number
  headers: Record<string, string>
  body: Buffer | null
}

/** The whole answer to one app:// request: protocol.handle in the shell, the self-test and tests all use it. */
export async function serveAppProtocolRequest(method: string, rawUrl: string, rendererDir: string): Promise<AppProtocolResponse> {
  const headers = { ...APP_PROTOCOL_HEADERS }
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers, body: null }
  const resolved = resolveAppProtocolRequest(rawUrl, rendererDir)
  if ('status' in resolved) return { status: resolved.status, headers, body: null }
  try {
    const body = await readFile(resolved.filePath)
    return { status: 200, headers: { ...headers, 'Content-Type': resolved.mimeType }, body: method === 'HEAD' ? null : body }
  } catch {
    return { status: 404, headers, body: null }
  }
}
