// Adding, replacing or removing the one management key. The secret is read from the field at submit time and
// never enters React state; the field is emptied as soon as main answers.
import { useRef, useState, type FormEvent } from 'react'
import type { ManagementKeyView } from '../../../preload/account-contract'
import type { AppError } from '../../../preload/contract'
import { ErrorMessage } from '../components/ErrorMessage'
import { ExternalIcon, TrashIcon } from '../components/Icons'
import { Dialog } from '../components/dialogs/Dialog'
import { FormActions } from '../components/dialogs/FormActions'

export const MANAGEMENT_KEYS_URL = 'https://openrouter.ai/settings/management-keys'

/** The one sentence on why, used wherever a management key is offered. */
export const MANAGEMENT_KEY_WHY =
  'A management key lets this app list every key on your account, show your balance, and revoke, disable, edit, create and rotate keys; it cannot call models.'

export function ManagementKeyLink() {
  return (
    <a href={MANAGEMENT_KEYS_URL} target="_blank" rel="noreferrer noopener" className="external-link">
      Create one at openrouter.ai/settings/management-keys
      <ExternalIcon />
    </a>
  )
}

export interface ManagementKeyDialogProps {
  current: ManagementKeyView | null
  onSet(secret: string): Promise<AppError | null>
  onRemove(): Promise<AppError | null>
  onClose(): void
}

export function ManagementKeyDialog({ current, onSet, onRemove, onClose }: ManagementKeyDialogProps) {
  const secretInput = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = secretInput.current
    if (!input) return
    if (input.value.trim() === '') {
      setError({ code: 'invalid-argument', message: 'Paste the management key first.' })
      input.focus()
      return
    }
    setBusy(true)
    setError(null)
    const failure = await onSet(input.value)
    input.value = ''
    setBusy(false)
    if (failure) {
      setError(failure)
      input.focus()
    } else onClose()
  }

  async function remove() {
    setBusy(true)
    setError(null)
    const failure = await onRemove()
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }

  return (
    <Dialog
      title={current ? 'Management key' : 'Add management key'}
      onClose={onClose}
      busy={busy}
      description={
        <>
          <p>{MANAGEMENT_KEY_WHY}</p>
          <p>
            <ManagementKeyLink />
          </p>
        </>
      }
    >
      <form className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        {current ? (
          <p className="callout callout-info" data-testid="management-key-current">
            Stored in your keychain: <code>{current.maskedKey}</code>
            {current.remoteLabel ? <> (“{current.remoteLabel}” on OpenRouter)</> : null}. Pasting another one replaces it.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="management-secret">{current ? 'New management key' : 'Management key'}</label>
          <input
            id="management-secret"
            ref={secretInput}
            className="input input-mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk-or-v1-…"
            aria-invalid={error ? true : undefined}
          />
          <p className="help">OpenRouter checks it first; an ordinary API key is refused here and nothing is stored.</p>
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        {current && confirmRemove ? (
          <div className="callout callout-warn" role="group" aria-label="Remove the management key">
            <p>Forget the management key from your keychain? Account mode stops until you add one again; the key itself stays valid on OpenRouter.</p>
            <div className="inline-actions">
              <button type="button" className="btn btn-small" onClick={() => setConfirmRemove(false)} disabled={busy}>
                Keep it
              </button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()} disabled={busy}>
                Remove management key
              </button>
            </div>
          </div>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} submitText={current ? 'Replace management key' : 'Add management key'}>
          {current && !confirmRemove ? (
            <button type="button" className="btn btn-danger-quiet dialog-action-start" onClick={() => setConfirmRemove(true)} disabled={busy}>
              <TrashIcon />
              Remove…
            </button>
          ) : null}
        </FormActions>
      </form>
    </Dialog>
  )
}
