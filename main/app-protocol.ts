// Serves the built renderer from app://bundle/ (see core/app-protocol.ts for the resolution rules).
import { protocol } from 'electron'
import { APP_PROTOCOL_SCHEME, serveAppProtocolRequest } from './core/app/app-protocol'

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

/** Call once the app is ready, with the folder holding the built renderer (out/renderer). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL_SCHEME, async (request) => {
    const { status, headers, body } = await serveAppProtocolRequest(request.method, request.url, rendererDir)
    return new Response(body === null ? null : new Uint8Array(body), { status, headers })
  })
}
