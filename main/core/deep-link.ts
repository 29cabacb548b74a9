// openrouter-key-manager:// links: untrusted input from any web page or program, parsed into a small set
// of actions or refused. A link can ask the app to connect (optionally with a credit limit) or to come forward.
export const APP_URL_SCHEME = 'openrouter-key-manager'
const MAX_LENGTH = 2048
const MAX_LIMIT_USD = 1_000_000

export type DeepLinkAction = { kind: 'connect'; limit: number | null } | { kind: 'open' }

export type DeepLinkResult = { ok: true; action: DeepLinkAction } | { ok: false; reason: string }

const refuse = (reason: string): DeepLinkResult => ({ ok: false, reason })

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_LENGTH) return refuse('The link is too long.')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return refuse('The link contains control characters.')
  if (!raw.toLowerCase().startsWith(`${APP_URL_SCHEME}://`)) return refuse('Not an OpenRouter Key Manager link.')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('The link is malformed.')
  }
  if (url.username || url.password || url.port) return refuse('The link carries unexpected parts.')
  const target = `${url.hostname}${url.pathname === '/' ? '' : url.pathname}`
  const names = [...url.searchParams.keys()]
  if (url.hash) return refuse('The link carries unexpected parts.')
  if (target === 'open') return names.length === 0 ? { ok: true, action: { kind: 'open' } } : refuse('Unexpected parameters.')
  if (target !== 'connect') return refuse('Unknown link.')
  if (names.some((name) => name !== 'limit') || names.length > 1) return refuse('Unexpected parameters.')
  const limitText = url.searchParams.get('limit')
  if (limitText === null) return { ok: true, action: { kind: 'connect', limit: null } }
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(limitText)) return refuse('The credit limit is not a number of dollars.')
  const limit = Number(limitText)
  if (limit <= 0 || limit > MAX_LIMIT_USD) return refuse('The credit limit is out of range.')
  return { ok: true, action: { kind: 'connect', limit } }
}

/** On Windows and Linux a link arrives as a command-line argument of the launched (second) instance. */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(`${APP_URL_SCHEME}:`)) ?? null
}
