// Creating a new key with a cap, a reset period and an expiry, authenticated by one of the stored keys.
import { useRef, useState, type FormEvent } from 'react'
import type { AppError, KeyView, MintRequest } from '../../../../preload/contract'
import { formatExpiry } from '../../format/dates'
import { formatUsd } from '../../format/money'
import {
  MAX_LABEL_LENGTH,
  validateMintForm,
  type MintField,
  type MintFormValues,
  type ResetChoice,
} from '../../mint/validate-mint-form'
import { useNow } from '../../hooks/useNow'
import { ExpiryFields } from '../../mint/ExpiryFields'
import { isInactive } from '../../status/card-status'
import { STATUS_TEXT } from '../../status/status-text'
import { ErrorMessage } from '../ErrorMessage'
import { Dialog } from './Dialog'
import { FormActions } from './FormActions'
import { ResetOptions } from '../../mint/ResetOptions'

export interface MintKeyDialogProps {
  keys: KeyView[]
  /** Resolves to the refusal to show, or null when the key was created and stored. */
  onMint(request: MintRequest): Promise<AppError | null>
  /** Opens the connect form instead, with every field the consent page accepts (the limit) and the name. */
  onUseBrowser(carried: BrowserCarry): void
  /** A management key is stored: main signs create_auth_code with it. */
  managementKeyPresent?: boolean
  /** Offered when OpenRouter refuses an ordinary key (absent: no account mode). */
  onAddManagementKey?(): void
  onClose(): void
}

const FIELD_IDS: Record<MintField, string> = {
  sourceKeyId: 'mint-source',
  label: 'mint-label',
  limit: 'mint-limit',
  expiresAt: 'mint-expires-at',
}

/** What "Use the browser instead" takes along, and what it has to leave behind (the consent page takes only a limit). */
export interface BrowserCarry {
  name?: string
  limit?: number
  /** The fields the person set that the consent page cannot take, e.g. ["reset period", "expiry"]. */
  dropped: string[]
}

function initialSource(keys: KeyView[]): string {
  const usable = keys.filter((key) => !isInactive(key))
  return (usable.find((key) => key.isDefault) ?? usable[0])?.id ?? ''
}

/** OpenRouter's refusal of a new key, in plain words, with what to do next. */
export function explainMintRefusal(error: AppError): AppError {
  switch (error.code) {
    case 'forbidden':
      return {
        code: error.code,
        message: 'OpenRouter does not let the chosen key create other keys.',
        hint: 'Only some keys may create keys this way. Use the browser instead: you approve the new key on OpenRouter’s page yourself.',
      }
    case 'key-rejected':
      return { code: error.code, message: 'OpenRouter rejects the key chosen to sign this request (revoked or disabled).', hint: 'Choose another key, or use the browser instead.' }
    case 'conflict':
      return { code: error.code, message: 'OpenRouter is still busy with another request for this key.', hint: 'Wait a minute, then create the key again.' }
    case 'bad-request':
      return { code: error.code, message: `OpenRouter refused these settings: ${error.message.replace(/\.$/, '')}.`, hint: error.hint ?? 'Change the limit or the expiry and try again.' }
    default:
      return error
  }
}

export function MintKeyDialog({ keys, onMint, onUseBrowser, managementKeyPresent = false, onAddManagementKey, onClose }: MintKeyDialogProps) {
  const [values, setValues] = useState<MintFormValues>(() => ({
    sourceKeyId: initialSource(keys),
    label: '',
    limit: '',
    limitReset: '',
    expiry: 'never',
    customExpiresAt: '',
  }))
  const [errors, setErrors] = useState<Partial<Record<MintField, string>>>({})
  const [refusal, setRefusal] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const now = useNow()

  function set<F extends keyof MintFormValues>(field: F, value: MintFormValues[F]) {
    setValues((current) => ({ ...current, [field]: value }))
    const errorField: MintField = field === 'customExpiresAt' || field === 'expiry' ? 'expiresAt' : (field as MintField)
    if (errors[errorField]) setErrors((current) => ({ ...current, [errorField]: undefined }))
  }

  function carried(): BrowserCarry {
    const limit = Number(values.limit)
    const dropped = [...(values.limitReset ? ['reset period'] : []), ...(values.expiry !== 'never' ? ['expiry'] : [])]
    return {
      ...(values.label.trim() ? { name: values.label.trim() } : {}),
      ...(values.limit.trim() !== '' && Number.isFinite(limit) && limit > 0 ? { limit } : {}),
      dropped,
    }
  }

  /** With a management key the form has no signer to choose; validation sees a placeholder and the request gets null. */
  function signedValues(): MintFormValues {
    return managementKeyPresent ? { ...values, sourceKeyId: 'management-key' } : values
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const validation = validateMintForm(signedValues(), Date.now())
    if (!validation.ok) {
      setErrors(validation.errors)
      const firstBad = (Object.keys(FIELD_IDS) as MintField[]).find((field) => validation.errors[field])
      if (firstBad) form.current?.querySelector<HTMLElement>(`#${FIELD_IDS[firstBad]}`)?.focus()
      return
    }
    setErrors({})
    setRefusal(null)
    setBusy(true)
    const failure = await onMint(managementKeyPresent ? { ...validation.request, sourceKeyId: null } : validation.request)
    setBusy(false)
    if (failure) setRefusal(explainMintRefusal(failure))
    else onClose()
  }

  const fieldProps = (field: MintField) => ({
    id: FIELD_IDS[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${FIELD_IDS[field]}-error` : undefined,
  })
  const fieldError = (field: MintField) =>
    errors[field] ? (
      <p className="field-error" id={`${FIELD_IDS[field]}-error`}>
        {errors[field]}
      </p>
    ) : null

  const preview = validateMintForm(signedValues(), now)
  // With a management key, main signs with it: no stored key is needed.
  const noKeys = !managementKeyPresent && !keys.some((key) => !isInactive(key))

  return (
    <Dialog
      title="New limited key"
      onClose={onClose}
      busy={busy}
      description={
        <p>
          Creates a separate OpenRouter key with its own spending cap, so a script or a teammate can never spend more than you allow.
        </p>
      }
    >
      <form ref={form} className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        {noKeys ? (
          <p className="callout callout-info">
            Creating a key needs a usable key that is already stored here. Connect your account first, or use the browser to create a key with a limit.
          </p>
        ) : null}
        {managementKeyPresent ? (
          <p className="callout callout-info" data-testid="mint-signed-by-management-key">
            Signed with your management key, which OpenRouter lets create keys.
          </p>
        ) : (
          <div className="field">
            <label htmlFor={FIELD_IDS.sourceKeyId}>Authenticate with</label>
            <select
              {...fieldProps('sourceKeyId')}
              className="input"
              value={values.sourceKeyId}
              onChange={(event) => set('sourceKeyId', event.target.value)}
            >
              {noKeys ? <option value="">No usable stored key</option> : null}
              {keys.map((key) => (
                <option key={key.id} value={key.id} disabled={isInactive(key)}>
                  {key.label} — {key.maskedKey}
                  {key.isDefault ? ' (default)' : ''}
                  {isInactive(key) ? ` — cannot sign: ${STATUS_TEXT[key.status.kind].toLowerCase()}` : ''}
                </option>
              ))}
            </select>
            {fieldError('sourceKeyId')}
          </div>
        )}
        <div className="field">
          <label htmlFor={FIELD_IDS.label}>Label</label>
          <input
            {...fieldProps('label')}
            className="input"
            value={values.label}
            autoComplete="off"
            required
            placeholder="e.g. CI runner"
            onChange={(event) => set('label', event.target.value)}
          />
          {fieldError('label') ?? <p className="help">Shown on OpenRouter too, so you can find the key there. Up to {MAX_LABEL_LENGTH} characters.</p>}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={FIELD_IDS.limit}>Credit limit (USD)</label>
            <input
              {...fieldProps('limit')}
              className="input"
              type="number"
              inputMode="decimal"
              min="0.01"
              step="0.01"
              required
              placeholder="5.00"
              value={values.limit}
              onChange={(event) => set('limit', event.target.value)}
            />
            {fieldError('limit')}
          </div>
          <div className="field">
            <label htmlFor="mint-reset">Reset period</label>
            <select
              id="mint-reset"
              className="input"
              value={values.limitReset}
              onChange={(event) => set('limitReset', event.target.value as ResetChoice)}
            >
              <ResetOptions />
            </select>
          </div>
        </div>
        <ExpiryFields
          selectId="mint-expiry"
          expiry={values.expiry}
          customExpiresAt={values.customExpiresAt}
          now={now}
          customInputProps={fieldProps('expiresAt')}
          customError={fieldError('expiresAt')}
          onExpiryChange={(expiry) => set('expiry', expiry)}
          onCustomChange={(text) => set('customExpiresAt', text)}
        />
        {preview.ok ? (
          <p className="mint-summary" data-testid="mint-summary">
            A key capped at {formatUsd(preview.request.limit)}
            {preview.request.limitReset ? `, resetting ${preview.request.limitReset}` : ''}
            {preview.request.expiresAt ? `, expiring ${formatExpiry(preview.request.expiresAt, now)}` : ', with no expiry'}.
          </p>
        ) : null}
        {refusal ? (
          <ErrorMessage error={refusal}>
            {!managementKeyPresent && onAddManagementKey && (refusal.code === 'forbidden' || refusal.code === 'key-rejected') ? (
              <p className="help" data-testid="mint-needs-management-key">
                OpenRouter may let only a management key create keys. Add one and the app signs with it instead.{' '}
                <button type="button" className="btn btn-small" onClick={onAddManagementKey}>
                  Add management key…
                </button>
              </p>
            ) : null}
            <button type="button" className="btn btn-small" onClick={() => onUseBrowser(carried())}>
              Use the browser instead
            </button>
          </ErrorMessage>
        ) : noKeys ? (
          <button type="button" className="btn btn-small" onClick={() => onUseBrowser(carried())}>
            Use the browser instead
          </button>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} submitText="Create key" submitDisabled={noKeys} />
      </form>
    </Dialog>
  )
}
