// Before the browser opens: connecting creates a NEW key on the account each time (that is how OpenRouter's
// PKCE flow works), so the person names it and may cap it first. Only the limit goes to the consent page;
// the name stays on this device.
import { useRef, useState, type FormEvent } from 'react'
import type { AppError, ConnectOptions } from '../../../../preload/contract'
import { formatUsd } from '../../format/money'
import { ErrorMessage } from '../ErrorMessage'
import { KeyIcon } from '../Icons'
import { MAX_KEY_LABEL } from '../KeyCard'
import { Dialog } from './Dialog'
import { FormActions } from './FormActions'

/** The typed credit limit: undefined when empty, null when it is not a positive amount up to $1,000,000. */
export function parseConnectLimit(text: string): number | undefined | null {
  if (text.trim() === '') return undefined
  const limit = Number(text)
  return Number.isFinite(limit) && limit > 0 && limit <= 1_000_000 ? limit : null
}

/** Why the form opened and what it starts with. */
export interface ConnectRequest {
  /** Set when a link (openrouter-key-manager://connect) asked for this, with the limit it carried. */
  fromLink?: { limit: number | null }
  name?: string
  limit?: number
  /** Fields set elsewhere (the New limited key form) that the consent page cannot take. */
  dropped?: string[]
}

export interface ConnectDialogProps {
  /** How many keys are stored already (each connect adds one more). */
  storedKeys: number
  /** The suggested name: "OpenRouter key N". */
  suggestedName: string
  request: ConnectRequest
  /** Starts the browser flow; resolves to the error to show, or null once the browser was asked to open. */
  onConnect(options: ConnectOptions): Promise<AppError | null>
  onClose(): void
}

export function linkHeading(limit: number | null): string {
  return limit === null
    ? 'A link asked to connect an OpenRouter account'
    : `A link asked to connect an OpenRouter account with a ${formatUsd(limit)} limit`
}

export function ConnectDialog({ storedKeys, suggestedName, request, onConnect, onClose }: ConnectDialogProps) {
  const nameInput = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(request.name ?? suggestedName)
  const linkLimit = request.fromLink?.limit ?? null
  const startLimit = request.limit ?? linkLimit
  const [limitText, setLimitText] = useState(startLimit === null || startLimit === undefined ? '' : String(startLimit))
  const [limitError, setLimitError] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const limit = parseConnectLimit(limitText)
    if (limit === null) {
      setLimitError('Enter an amount above $0 (up to $1,000,000), or leave it empty for no limit.')
      document.getElementById('connect-limit')?.focus()
      return
    }
    setLimitError(null)
    setError(null)
    setBusy(true)
    const trimmed = name.trim().slice(0, MAX_KEY_LABEL)
    const failure = await onConnect({ ...(trimmed ? { name: trimmed } : {}), ...(limit === undefined ? {} : { limit }) })
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }

  return (
    <Dialog
      title={request.fromLink ? linkHeading(linkLimit) : 'Connect an OpenRouter account'}
      onClose={onClose}
      busy={busy}
      initialFocus={nameInput}
      description={
        <>
          <p>
            This creates a <strong>new API key</strong> on your OpenRouter account: you approve it in your browser, and the key is stored in your
            keychain.
          </p>
          {request.dropped && request.dropped.length > 0 ? (
            <p className="callout callout-warn" data-testid="connect-dropped">
              OpenRouter’s consent page takes only a credit limit: the {request.dropped.join(' and ')} you chose cannot be set this way.
            </p>
          ) : null}
          {storedKeys > 0 ? (
            <p className="callout callout-info" data-testid="connect-existing">
              You already have {storedKeys === 1 ? '1 key' : `${storedKeys} keys`}; this creates another.
            </p>
          ) : null}
        </>
      }
    >
      <form className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="connect-name">Name of the new key</label>
          <input
            id="connect-name"
            ref={nameInput}
            className="input"
            value={name}
            maxLength={MAX_KEY_LABEL}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="connect-name-help"
            onChange={(event) => setName(event.target.value)}
          />
          <p className="help" id="connect-name-help">
            Only on this device. Left empty, the key is named as OpenRouter lists it.
          </p>
        </div>
        <div className="field">
          <label htmlFor="connect-limit">Credit limit (USD, optional)</label>
          <input
            id="connect-limit"
            className="input input-limit"
            type="number"
            inputMode="decimal"
            min="0.01"
            step="0.01"
            placeholder="No limit"
            value={limitText}
            aria-invalid={limitError ? true : undefined}
            aria-describedby={limitError ? 'connect-limit-help connect-limit-error' : 'connect-limit-help'}
            onChange={(event) => {
              setLimitText(event.target.value)
              setLimitError(null)
            }}
          />
          <p className="help" id="connect-limit-help">
            OpenRouter’s consent page shows it and caps the new key at it. You can change it there.
          </p>
          {limitError ? (
            <p className="field-error" id="connect-limit-error" role="alert">
              {limitError}
            </p>
          ) : null}
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <FormActions busy={busy} onCancel={onClose} submitText="Continue in browser" submitIcon={<KeyIcon />} />
      </form>
    </Dialog>
  )
}
