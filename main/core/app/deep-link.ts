// openrouter-key-manager:// links: untrusted input from any web page or program, parsed into a small set
// of actions or refused. A link can ask the app to connect (optionally with a credit limit) or to come forward.
// Nothing in a link is ever passed on as text: it only selects one of these actions.
export const APP_URL_SCHEME = 'openrouter-key-manager'
const PREFIX = `${APP_URL_SCHEME}://`
const MAX_LENGTH = 2048
const MAX_LIMIT_USD = 1_000_000
// Whole dollars with at most two decimals, written plainly: no sign, exponent, spaces or percent-encoding.
const LIMIT_PATTERN = /^\d{1,7}(\.\d{1,2})?$/

export type DeepLinkAction = { kind: 'connect'; limit: number | null } | { kind: 'open' }

export type DeepLinkResult = { ok: true; action: DeepLinkAction } | { ok: false; reason: string }

const refuse = (reason: string): DeepLinkResult => ({ ok: false, reason })

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_LENGTH) return refuse('The link is too long.')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) return refuse('The link contains control characters.')
  // A real link is printable ASCII only; anything else (spaces, bidi marks, look-alike letters) is a trick.
  if (/[^\u0021-\u007e]/.test(raw)) return refuse('The link contains characters a link never has.')
  if (!raw.toLowerCase().startsWith(PREFIX)) return refuse('Not an OpenRouter Key Manager link.')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('The link is malformed.')
  }
  // The URL parser drops an empty "#" and accepts user:pass@ and :port; a link has no use for any of them.
  if (url.username || url.password || url.port || raw.includes('#')) return refuse('The link carries unexpected parts.')
  if (url.pathname !== '' && url.pathname !== '/') return refuse('Unknown link.')
  if (url.hostname === 'open') return url.search === '' ? { ok: true, action: { kind: 'open' } } : refuse('Unexpected parameters.')
  if (url.hostname !== 'connect') return refuse('Unknown link.')
  if (url.search === '') return { ok: true, action: { kind: 'connect', limit: null } }
  // Compared raw (not via URLSearchParams), so repeated, empty or encoded parameters are refused, not normalised.
  if (!url.search.startsWith('?limit=')) return refuse('Unexpected parameters.')
  const limitText = url.search.slice('?limit='.length)
  if (!LIMIT_PATTERN.test(limitText)) return refuse('The credit limit is not a plain number of dollars.')
  const limit = Number(limitText)
  if (limit <= 0 || limit > MAX_LIMIT_USD) return refuse('The credit limit is out of range.')
  return { ok: true, action: { kind: 'connect', limit } }
}

/**
 * On Windows and Linux a link arrives as a command-line argument of the launched (second) instance, among
 * the executable, the app path in development, and Chromium switches. The first argument in the scheme is
 * returned as is, so a malformed one is refused (and logged) by parseDeepLink rather than silently ignored.
 */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${APP_URL_SCHEME}:`)) ?? null
}
