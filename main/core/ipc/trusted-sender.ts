import type { ExternalOpener } from '../base/ports'

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

/**
 * Only URLs on these origins may reach the system browser: OpenRouter's, as configured. Returns what to open, the
 * normalised `new URL(url).href`, or null when refused. The string that was checked is the one opened: a raw string
 * can be read differently by the OS's URL handler (tabs, line breaks, backslashes, odd case) than by the check.
 */
export function externalUrlToOpen(url: string, allowedOrigins: readonly string[]): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.username || parsed.password) return null
    return allowedOrigins.includes(parsed.origin) ? parsed.href : null
  } catch {
    return null
  }
}

/** An opener that checks every URL and hands `open` only the normalised href of an allowed one. */
export function createCheckedOpener(allowedOrigins: readonly string[], open: (href: string) => Promise<void>): ExternalOpener {
  return {
    openExternal(url) {
      const href = externalUrlToOpen(url, allowedOrigins)
      if (href === null) return Promise.reject(new Error('Refused to open a URL outside OpenRouter.'))
      return open(href)
    },
  }
}
