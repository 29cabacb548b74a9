// Which renderer may call main: only the app's own top-level page, judged by its URL's origin.
export function isTrustedRendererUrl(url: string | undefined, trustedOrigins: readonly string[]): boolean {
  if (!url) return false
  try {
    const parsed = new URL(url)
    // app://bundle has an opaque origin ("null") in WHATWG URL; compare scheme and host instead.
    const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
    return trustedOrigins.includes(origin)
  } catch {
    return false
  }
}

/** Only URLs on these origins may reach the system browser: OpenRouter's, as configured. */
export function isAllowedExternalUrl(url: string, allowedOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url)
    if (parsed.username || parsed.password) return false
    return allowedOrigins.includes(parsed.origin)
  } catch {
    return false
  }
}
