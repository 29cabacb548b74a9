// How the double answers: JSON bodies and OpenRouter's error envelope {"error":{"code","message"}} with the
// HTTP status equal to error.code, HTML for the consent page, redirects, and CORS for the API.
import type { ServerResponse } from 'node:http'

/** Browser apps call the API directly (api-facts §7.8); the real CORS headers are UNCONFIRMED, so be permissive. */
const CORS = { 'Access-Control-Allow-Origin': '*' } as const
const DEFAULT_ALLOWED_HEADERS = 'authorization, content-type, accept, http-referer, x-openrouter-title, x-openrouter-categories'

/** Any body on an API route: the content type is the caller's to choose only for injected failures. */
export function sendRaw(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { ...CORS, 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  res.end(text)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, 'application/json', JSON.stringify(body))
}

export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  sendJson(res, status, { error: { code: status, message } })
}

export function sendPreflight(res: ServerResponse, allowMethods: string, requestedHeaders: string | undefined): void {
  res.writeHead(204, {
    ...CORS,
    'Access-Control-Allow-Methods': allowMethods,
    // Echo what the browser asks for: a permissive stand-in must not be the reason a request is blocked.
    'Access-Control-Allow-Headers': requestedHeaders ?? DEFAULT_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  })
  res.end()
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Defence in depth behind the escaping: the page needs no script and loads nothing. No form-action
    // directive, because browsers apply it to the redirect that follows the form, which leaves this origin.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  })
  res.end(html)
}

/** Percent-encodes what may not appear raw in a header (spaces, non-ASCII), as a browser would in the URL. */
function headerSafe(location: string): string {
  return location.replace(/[^\x21-\x7e]/gu, (character) => encodeURIComponent(character))
}

/** 302 for GET /auth; 303 after the consent form's POST, so the browser follows with a GET. */
export function redirect(res: ServerResponse, location: string, status: 302 | 303 = 302): void {
  res.writeHead(status, { Location: headerSafe(location), 'Cache-Control': 'no-store' })
  res.end()
}
