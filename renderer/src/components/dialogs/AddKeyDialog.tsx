// Adding a key someone already has. The secret never enters React state: it is read from the field at
// submit time and the field is emptied as soon as main answers.
import { useRef, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../preload/contract'
import { ErrorMessage } from '../ErrorMessage'
import { Spinner } from '../Icons'
import { Dialog } from './Dialog'

export interface AddKeyDialogProps {
  /** Resolves to the error to show, or null when the key was stored. */
  onAdd(secret: string, label: string): Promise<AppError | null>
  onClose(): void
}

export function AddKeyDialog({ onAdd, onClose }: AddKeyDialogProps) {
  const secretInput = useRef<HTMLInputElement>(null)
  const [label, setLabel] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = secretInput.current
    if (!input) return
    if (input.value.trim() === '') {
      setError({ code: 'invalid-argument', message: 'Paste the API key first.' })
      input.focus()
      return
    }
    setBusy(true)
    setError(null)
    const failure = await onAdd(input.value, label)
    input.value = ''
    setBusy(false)
    if (failure) {
      setError(failure)
      input.focus()
    } else {
      onClose()
    }
  }

  return (
    <Dialog
      title="Add an existing key"
      onClose={onClose}
      busy={busy}
      description={<p>OpenRouter checks the key before it is stored. It goes into your OS keychain, never into a file.</p>}
    >
      <form className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="add-secret">API key</label>
          <input
            id="add-secret"
            ref={secretInput}
            className="input input-mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk-or-v1-…"
            aria-invalid={error ? true : undefined}
          />
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
        {error ? <ErrorMessage error={error} /> : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? <Spinner /> : null}
            Add key
          </button>
        </div>
      </form>
    </Dialog>
  )
}
