// What every route handler sees: the store, the clock and the settings tests can change at run time.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { DoubleState } from './state'
import type { ConsentMode, CreateCodeAuth } from './types'

export interface DoubleSettings {
  consentMode: ConsentMode
  /** Docs say 403 for a bad code or verifier; live reports say 400 (api-facts §2). */
  invalidCodeStatus: 400 | 403
  latencyMs: number
  createCodeAuth: CreateCodeAuth
}

export interface DoubleContext {
  readonly state: DoubleState
  readonly now: () => number
  readonly settings: DoubleSettings
}

export interface IncomingRequest {
  readonly method: string
  readonly url: URL
  readonly headers: IncomingHttpHeaders
  /** Parsed JSON on API routes (undefined when empty); undefined on the consent pages, which read `text`. */
  readonly body: unknown
  /** The raw body text: the consent form's urlencoded fields. */
  readonly text: string
  /** Path parameters, e.g. { hash } on /keys/{hash}. */
  readonly params: Readonly<Record<string, string>>
}

export type Handler = (request: IncomingRequest, res: ServerResponse, context: DoubleContext) => void
