// OpenRouter's rule for callback_url [SPEC]: https on any host, or plain http on a loopback host, any port.
// [::1] is UNCONFIRMED on the real service; the double accepts it, as the brief asks.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export const CALLBACK_RULE = 'callback_url must be an https URL, or an http URL on localhost, 127.0.0.1 or [::1]'

// The URL parser silently drops tabs and newlines, but the raw string is what gets redirected to.
function hasControlCharacter(raw: string): boolean {
  for (let index = 0; index < raw.length; index += 1) {
    const unit = raw.charCodeAt(index)
    if (unit < 0x20 || unit === 0x7f) return true
  }
  return false
}

export function isAllowedCallbackUrl(raw: string): boolean {
  if (hasControlCharacter(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'https:') return url.hostname !== ''
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
}

/**
 * Appends `name=value` to the query, before any fragment, leaving the rest of the URL byte for byte as the
 * app sent it (re-serialising through URL would re-encode its own parameters). '&' when a query exists.
 */
export function appendQueryParam(callbackUrl: string, name: string, value: string): string {
  const hashAt = callbackUrl.indexOf('#')
  const base = hashAt === -1 ? callbackUrl : callbackUrl.slice(0, hashAt)
  const fragment = hashAt === -1 ? '' : callbackUrl.slice(hashAt)
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&'
  return `${base}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}${fragment}`
}

/** How the consent page names the app: host:port of the callback, as OpenRouter titles localhost apps [DOC]. */
export function appName(callbackUrl: string): string {
  return new URL(callbackUrl).host
}
