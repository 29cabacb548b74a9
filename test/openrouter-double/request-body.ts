// Reading request bodies: the API takes JSON, the consent page's forms post urlencoded fields.
import type { IncomingMessage } from 'node:http'

/** Far above anything a real client sends; stops a runaway test from filling memory. */
const MAX_BODY_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; raw: string }

/** An empty body parses as undefined, so the route's schema reports the missing fields. */
export function parseJson(text: string): ParsedJson {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, raw: text }
  }
}

export function parseForm(text: string): URLSearchParams {
  return new URLSearchParams(text)
}
