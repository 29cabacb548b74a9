// A minimal "system browser" for Node-level tests: loads the consent URL, follows the redirect to the app's
// loopback listener as a top-level navigation would, and reports what the callback page said.
import { request } from 'node:http'
import { NAVIGATION_HEADERS, rawRequest, type RawResponse } from './http'

export async function navigate(url: string): Promise<{ status: number; location: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const req = request(
      { host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port, path: `${target.pathname}${target.search}`, headers: NAVIGATION_HEADERS },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** With the double in auto-approve (or auto-deny) mode, /auth redirects at once; follow it to the callback. */
export async function followConsentRedirect(authUrl: string): Promise<RawResponse> {
  const consent = await navigate(authUrl)
  if (consent.status !== 302 || !consent.location) throw new Error(`consent did not redirect (status ${consent.status})`)
  const callback = new URL(consent.location)
  return rawRequest({ port: Number(callback.port), path: `${callback.pathname}${callback.search}`, headers: NAVIGATION_HEADERS })
}
