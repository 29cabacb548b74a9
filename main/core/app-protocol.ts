// Production builds serve the renderer from app://bundle/… instead of file:// (Electron security checklist #18):
// a real origin for the CSP and the IPC sender check, and no file:// privileges. This resolves a request
// to a file inside the renderer folder, and nothing outside it.
import { extname, join, normalize, sep } from 'node:path'

export const APP_PROTOCOL_SCHEME = 'app'
export const APP_PROTOCOL_ORIGIN = 'app://bundle'

export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const MIME_TYPES: Record<string, string> = {
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

export function resolveAppProtocolRequest(rawUrl: string, rendererDir: string): AppProtocolResolution {
  // The URL parser would quietly resolve dot segments; a request that carries them is refused outright.
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|%2f|%5c|$)/i.test(rawUrl.replace(/^[a-z]+:\/\/[^/]*/i, ''))) return { status: 403 }
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return { status: 404 }
  }
  if (url.protocol !== `${APP_PROTOCOL_SCHEME}:` || url.host !== 'bundle') return { status: 404 }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { status: 404 }
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return { status: 403 }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = normalize(rendererDir)
  const filePath = normalize(join(root, relative))
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) return { status: 403 }
  const mimeType = MIME_TYPES[extname(filePath).toLowerCase()]
  return mimeType ? { filePath, mimeType } : { status: 404 }
}
