// Query parameters of the management routes, checked as the spec types them; a bad one is a 400 with the
// parameter named.
export type QueryValue<T> = { ok: true; value: T } | { ok: false; message: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function invalid(name: string, why: string): { ok: false; message: string } {
  return { ok: false, message: `Invalid request parameters: ${name}: ${why}` }
}

/** A non-negative integer; `fallback` when absent. */
export function integerParam(url: URL, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): QueryValue<number> {
  const text = url.searchParams.get(name)
  if (text === null || text === '') return { ok: true, value: fallback }
  if (!/^\d+$/.test(text) || Number(text) > max) return invalid(name, `expected an integer from 0 to ${max}`)
  return { ok: true, value: Number(text) }
}

/** 'true' / 'false' [SPEC: include_disabled is a string with x-openrouter-type boolean]. */
export function booleanParam(url: URL, name: string, fallback: boolean): QueryValue<boolean> {
  const text = url.searchParams.get(name)
  if (text === null) return { ok: true, value: fallback }
  if (text !== 'true' && text !== 'false') return invalid(name, 'expected "true" or "false"')
  return { ok: true, value: text === 'true' }
}

export function uuidParam(url: URL, name: string): QueryValue<string | null> {
  const text = url.searchParams.get(name)
  if (text === null) return { ok: true, value: null }
  if (!UUID.test(text)) return invalid(name, 'expected a UUID')
  return { ok: true, value: text.toLowerCase() }
}
