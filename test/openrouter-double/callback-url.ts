// OpenRouter's rule for callback_url: https anywhere, or plain http on localhost / 127.0.0.1 (any port).
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export function isAllowedCallbackUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  } catch {
    return false
  }
}

export function withQuery(callbackUrl: string, name: string, value: string): string {
  const url = new URL(callbackUrl)
  url.searchParams.append(name, value)
  return url.toString()
}
