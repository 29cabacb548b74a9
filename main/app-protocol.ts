// Serves the built renderer from app://bundle/ (see core/app-protocol.ts for the resolution rules).
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { APP_PROTOCOL_SCHEME, RENDERER_CSP, resolveAppProtocolRequest } from './core/app/app-protocol'

/** Must run before the app is ready. */
export function registerAppProtocolPrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL_SCHEME,
      // standard: a real origin (relative URLs, 'self' in the CSP); secure: treated like https;
      // supportFetchAPI: module scripts are fetched; codeCache: V8 caches the bundle between runs.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

const SECURITY_HEADERS = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' }

/** Call once the app is ready, with the folder holding the built renderer (out/renderer). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: SECURITY_HEADERS })
    const resolved = resolveAppProtocolRequest(request.url, rendererDir)
    if ('status' in resolved) return new Response(null, { status: resolved.status, headers: SECURITY_HEADERS })
    try {
      const body = await readFile(resolved.filePath)
      return new Response(request.method === 'HEAD' ? null : body, { headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType } })
    } catch {
      return new Response(null, { status: 404, headers: SECURITY_HEADERS })
    }
  })
}
