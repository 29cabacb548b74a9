// Pure: the New limited key form's raw values and the clock → a MintRequest, or a message per bad field.
// Main validates again; this is for immediate, specific feedback.
import { LABEL_MAX_LENGTH, LIMIT_CEILING_USD, type LimitReset, type MintRequest } from '../../../preload/contract'

export const MAX_LABEL_LENGTH = LABEL_MAX_LENGTH
/** The largest cap main accepts. */
export const MAX_LIMIT_USD = LIMIT_CEILING_USD

export type ResetChoice = '' | LimitReset
export const EXPIRY_CHOICES = ['never', '7', '30', '90', 'custom'] as const
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]

export interface MintFormValues {
  sourceKeyId: string
  label: string
  /** As typed in the number input. */
  limit: string
  limitReset: ResetChoice
  expiry: ExpiryChoice
  /** A `datetime-local` value ("2026-12-12T09:30"), read as local time; used when expiry is 'custom'. */
  customExpiresAt: string
}

export type MintField = 'sourceKeyId' | 'label' | 'limit' | 'expiresAt'

export type MintValidation = { ok: true; request: MintRequest } | { ok: false; errors: Partial<Record<MintField, string>> }

const DAY_MS = 24 * 60 * 60 * 1000

/** ISO 8601 in UTC with whole seconds: "2026-12-12T09:30:00Z". */
export function toIsoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A `datetime-local` value as local time, or NaN. Parsed by hand so no engine guesses the zone. */
export function parseLocalDateTime(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim())
  if (!match) return Number.NaN
  const [, year, month, day, hour, minute, second] = match
  const date = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? '0'))
  // Reject rollovers such as 2026-02-31.
  if (date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day)) return Number.NaN
  return date.getTime()
}

/** The `datetime-local` value for a moment, in local time (for the input's `min` and default). */
export function toLocalDateTimeValue(ms: number): string {
  const date = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The expiry a form asks for, in whole seconds (as the API requires); shared by the mint and create forms. */
export function expiryOf(choice: ExpiryChoice, customText: string, now: number): { ok: true; expiresAt: string | null } | { ok: false; error: string } {
  if (choice === 'never') return { ok: true, expiresAt: null }
  if (choice !== 'custom') return { ok: true, expiresAt: toIsoSeconds(now + Number(choice) * DAY_MS) }
  const at = parseLocalDateTime(customText)
  if (customText.trim() === '') return { ok: false, error: 'Choose when the key expires.' }
  if (Number.isNaN(at)) return { ok: false, error: 'That date and time is not valid.' }
  if (at <= now) return { ok: false, error: 'The expiry must be in the future.' }
  return { ok: true, expiresAt: toIsoSeconds(at) }
}

export function validateMintForm(values: MintFormValues, now: number): MintValidation {
  const errors: Partial<Record<MintField, string>> = {}

  if (values.sourceKeyId === '') errors.sourceKeyId = 'Choose a stored key to create the new key with.'

  const label = values.label.trim()
  if (label.length === 0) errors.label = 'Give the new key a label, so you can find it on OpenRouter later.'
  else if (label.length > MAX_LABEL_LENGTH) errors.label = `The label can have at most ${MAX_LABEL_LENGTH} characters (it has ${label.length}).`

  const limitText = values.limit.trim()
  const limit = limitText === '' ? Number.NaN : Number(limitText)
  if (limitText === '') errors.limit = 'Enter a credit limit in USD.'
  else if (!Number.isFinite(limit)) errors.limit = 'The credit limit must be a number, like 5 or 12.50.'
  else if (limit <= 0) errors.limit = 'The credit limit must be more than $0.'
  else if (limit > MAX_LIMIT_USD) errors.limit = 'The credit limit can be at most $1,000,000.'

  const expiry = expiryOf(values.expiry, values.customExpiresAt, now)
  if (!expiry.ok) errors.expiresAt = expiry.error
  const expiresAt = expiry.ok ? expiry.expiresAt : null

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: {
      sourceKeyId: values.sourceKeyId,
      label,
      limit,
      limitReset: values.limitReset === '' ? null : values.limitReset,
      expiresAt,
    },
  }
}
