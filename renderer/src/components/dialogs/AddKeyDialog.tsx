// Adding a key someone already has. The secret is read from the field at submit time (never React state);
// after an error it stays in the field (with show/hide) so it can be corrected, and the field is emptied only
// once the key is stored. A key that is already stored is recognised here by its id (the SHA-256 of the key,
// as main names it) and named, instead of being "added" again.
import { useRef, useState, type FormEvent } from 'react'
import type { AppError, KeyView } from '../../../../preload/contract'
import { ErrorMessage } from '../ErrorMessage'
import { EyeIcon } from '../Icons'
import { Dialog } from './Dialog'
import { FormActions } from './FormActions'

export interface AddKeyDialogProps {
  keys: readonly KeyView[]
  /** Resolves to the error to show, or null when the key was stored. */
  onAdd(secret: string, label: string): Promise<AppError | null>
  onClose(): void
}

/** The key's id as main computes it: the lowercase hex SHA-256 of the trimmed key. */
export async function keyIdOf(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

export function AddKeyDialog({ keys, onAdd, onClose }: AddKeyDialogProps) {
  const secretInput = useRef<HTMLInputElement>(null)
  const [label, setLabel] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = secretInput.current
    if (!input) return
    const secret = input.value.trim()
    if (secret === '') {
      setError({ code: 'invalid-argument', message: 'Paste the API key first.' })
      input.focus()
      return
    }
    setBusy(true)
    setError(null)
    const id = await keyIdOf(secret)
    const stored = keys.find((key) => key.id === id)
    if (stored) {
      setBusy(false)
      setError({ code: 'invalid-argument', message: `Already stored as “${stored.label}”.`, hint: 'Nothing was added. Paste another key, or close this dialog.' })
      input.focus()
      return
    }
    const failure = await onAdd(secret, label)
    setBusy(false)
    if (failure) {
      setError(failure)
      input.focus()
    } else {
      input.value = ''
      onClose()
    }
  }

  return (
    <Dialog
      title="Add an existing key"
      onClose={onClose}
      busy={busy}
      description={<p>OpenRouter checks the key before it is stored. It goes into your OS keychain, never into a file. A management key is accepted too: it unlocks the Account tab.</p>}
    >
      <form className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="add-secret">API key</label>
          <div className="inline-field">
            <input
              id="add-secret"
              ref={secretInput}
              className="input input-mono"
              type={shown ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              placeholder="sk-or-v1-…"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'add-error' : undefined}
              onChange={() => setError(null)}
            />
            <button type="button" className="btn btn-icon" aria-label="Show key" aria-pressed={shown} title={shown ? 'Hide key' : 'Show key'} onClick={() => setShown(!shown)}>
              <EyeIcon />
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="add-label">Label</label>
          <input
            id="add-label"
            className="input"
            value={label}
            maxLength={100}
            autoComplete="off"
            placeholder="e.g. Work laptop"
            onChange={(event) => setLabel(event.target.value)}
            aria-describedby="add-label-help"
          />
          <p className="help" id="add-label-help">
            Optional. Only on this device; OpenRouter’s own name for the key is not changed.
          </p>
        </div>
        {error ? (
          <div id="add-error">
            <ErrorMessage error={error} />
          </div>
        ) : null}
        <FormActions busy={busy} onCancel={onClose} submitText="Add key" />
      </form>
    </Dialog>
  )
}
