// Pure: the create and edit forms' raw values → the request main receives, or a message per bad field. Main
// checks the same bounds again; this is for immediate, specific feedback.
import type { AccountKeyEdit, AccountKeyView, CreateAccountKeyRequest } from '../../../preload/account-contract'
import { LABEL_MAX_LENGTH, type LimitReset } from '../../../preload/contract'
import { expiryOf, MAX_LIMIT_USD, type ExpiryChoice, type ResetChoice } from '../mint/validate-mint-form'

export { MAX_LIMIT_USD }

// Control characters (C0, DEL, C1) and bidirectional overrides/isolates: they make a name lie about itself.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

export type AccountField = 'name' | 'limit' | 'expiresAt'
export type AccountErrors = Partial<Record<AccountField, string>>

export function nameError(raw: string): string | null {
  const name = raw.trim()
  if (name.length === 0) return 'Give the key a name, so you can find it on OpenRouter.'
  if (name.length > LABEL_MAX_LENGTH) return `The name can have at most ${LABEL_MAX_LENGTH} characters (it has ${name.length}).`
  if (FORBIDDEN_IN_NAME.test(name)) return 'The name cannot contain control or text-direction characters.'
  return null
}

/** '' → no limit (null); otherwise a positive amount up to the ceiling. */
export function parseLimit(raw: string): { ok: true; limit: number | null } | { ok: false; error: string } {
  const text = raw.trim()
  if (text === '') return { ok: true, limit: null }
  const limit = Number(text)
  if (!Number.isFinite(limit)) return { ok: false, error: 'The credit limit must be a number, like 5 or 12.50.' }
  if (limit <= 0) return { ok: false, error: 'The credit limit must be more than $0 (leave it empty for no limit).' }
  if (limit > MAX_LIMIT_USD) return { ok: false, error: 'The credit limit can be at most $1,000,000.' }
  return { ok: true, limit }
}

export interface CreateFormValues {
  name: string
  limit: string
  limitReset: ResetChoice
  expiry: ExpiryChoice
  customExpiresAt: string
  includeByokInLimit: boolean
  workspaceId: string | null
}

export function validateCreateForm(
  values: CreateFormValues,
  now: number,
): { ok: true; request: CreateAccountKeyRequest } | { ok: false; errors: AccountErrors } {
  const errors: AccountErrors = {}
  const badName = nameError(values.name)
  if (badName) errors.name = badName
  const limit = parseLimit(values.limit)
  if (!limit.ok) errors.limit = limit.error
  const expiry = expiryOf(values.expiry, values.customExpiresAt, now)
  if (!expiry.ok) errors.expiresAt = expiry.error
  const expiresAt = expiry.ok ? expiry.expiresAt : null
  if (!limit.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: {
      name: values.name.trim(),
      limit: limit.limit,
      limitReset: limit.limit === null || values.limitReset === '' ? null : (values.limitReset as LimitReset),
      expiresAt,
      includeByokInLimit: values.includeByokInLimit,
      workspaceId: values.workspaceId,
    },
  }
}

export interface EditFormValues {
  name: string
  limit: string
  limitReset: ResetChoice
  includeByokInLimit: boolean
}

export function editFormOf(key: AccountKeyView): EditFormValues {
  return {
    name: key.name,
    limit: key.limit === null ? '' : String(key.limit),
    limitReset: key.limitReset ?? '',
    includeByokInLimit: key.includeByokInLimit,
  }
}

/** Only the fields that changed; `edit` is empty when nothing did. */
export function validateEditForm(key: AccountKeyView, values: EditFormValues): { ok: true; edit: AccountKeyEdit } | { ok: false; errors: AccountErrors } {
  const errors: AccountErrors = {}
  const badName = nameError(values.name)
  if (badName) errors.name = badName
  const limit = parseLimit(values.limit)
  if (!limit.ok) errors.limit = limit.error
  if (!limit.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  const edit: AccountKeyEdit = {}
  const name = values.name.trim()
  if (name !== key.name) edit.name = name
  if (limit.limit !== key.limit) edit.limit = limit.limit
  const reset = limit.limit === null || values.limitReset === '' ? null : values.limitReset
  if (reset !== key.limitReset) edit.limitReset = reset
  if (values.includeByokInLimit !== key.includeByokInLimit) edit.includeByokInLimit = values.includeByokInLimit
  return { ok: true, edit }
}
