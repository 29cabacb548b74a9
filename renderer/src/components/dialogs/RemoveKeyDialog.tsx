// Removing a key is local only: the dialog says so plainly and offers OpenRouter's page to revoke it for real.
import { useRef, useState } from 'react'
import type { AppError, KeyView } from '../../../../preload/contract'
import { ErrorMessage } from '../ErrorMessage'
import { ExternalIcon, TrashIcon } from '../Icons'
import { Dialog } from './Dialog'

export interface RemoveKeyDialogProps {
  keyView: KeyView
  onRemove(keyId: string): Promise<AppError | null>
  onOpenRevokePage(keyId: string): Promise<AppError | null>
  onClose(): void
  /** Where focus goes after the key is removed (the next key), when not back to the opener. */
  returnFocusTo?: () => HTMLElement | null
}

export function RemoveKeyDialog({ keyView, onRemove, onOpenRevokePage, onClose, returnFocusTo }: RemoveKeyDialogProps) {
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)

  async function remove() {
    setBusy(true)
    setError(null)
    const failure = await onRemove(keyView.id)
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }

  async function revoke() {
    setError(null)
    const failure = await onOpenRevokePage(keyView.id)
    if (failure) setError(failure)
  }

  return (
    <Dialog
      title="Remove key from this device?"
      onClose={onClose}
      initialFocus={cancel}
      busy={busy}
      {...(returnFocusTo ? { returnFocusTo } : {})}
      size="small"
      description={
        <>
          <p>
            <strong>{keyView.label}</strong> (<code>{keyView.maskedKey}</code>) will be deleted from this app and from your keychain.
          </p>
          <p className="callout callout-warn">
            The key stays active on OpenRouter and can still spend credit until you revoke it there. Removing it here does not revoke it.
          </p>
        </>
      }
    >
      <div className="dialog-body">
        <button type="button" className="btn" onClick={() => void revoke()}>
          <ExternalIcon />
          Revoke on OpenRouter
        </button>
        <p className="help">
          Opens the key’s page on openrouter.ai in your browser, where you can disable or delete it.
          {keyView.figures?.remoteLabel ? (
            <>
              {' '}
              There it is listed as <code>{keyView.figures.remoteLabel}</code>.
            </>
          ) : null}
        </p>
        {error ? <ErrorMessage error={error} /> : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" ref={cancel} onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy} aria-busy={busy || undefined}>
          <TrashIcon />
          Remove from this device
        </button>
      </div>
    </Dialog>
  )
}
