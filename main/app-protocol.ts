// Serves the built renderer from app://bundle/ (see core/app-protocol.ts for the resolution rules).
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { APP_PROTOCOL_SCHEME, RENDERER_CSP, resolveAppProtocolRequest } from './core/app-protocol'

/** Must run before the app is ready. */
export function registerAppProtocolPrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL_SCHEME, async (request) => {
    const resolved = resolveAppProtocolRequest(request.url, rendererDir)
    if ('status' in resolved) return new Response(null, { status: resolved.status })
    try {
      const body = await readFile(resolved.filePath)
      return new Response(body, {
        headers: { 'Content-Type': resolved.mimeType, 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
      })
    } catch {
      return new Response(null, { status: 404 })
    }
  })
}
