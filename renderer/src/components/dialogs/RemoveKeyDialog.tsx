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
  /** With a management key: revokes the key on OpenRouter for real (and removes it here). */
  onRevoke?(keyId: string): Promise<AppError | null>
  onClose(): void
  /** Where focus goes after the key is removed (the next key), when not back to the opener. */
  returnFocusTo?: () => HTMLElement | null
}

export function RemoveKeyDialog({ keyView, onRemove, onOpenRevokePage, onRevoke, onClose, returnFocusTo }: RemoveKeyDialogProps) {
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmRevoke, setConfirmRevoke] = useState(false)
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
    if (onRevoke) {
      setConfirmRevoke(true)
      return
    }
    const failure = await onOpenRevokePage(keyView.id)
    if (failure) setError(failure)
  }

  async function revokeForReal() {
    if (!onRevoke) return
    setBusy(true)
    setError(null)
    const failure = await onRevoke(keyView.id)
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
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
        {confirmRevoke ? (
          <div className="callout callout-danger" role="group" aria-label="Confirm revoking">
            <p>
              Revoke <strong>{keyView.label}</strong> on OpenRouter? Every app using it stops working at once, and it is removed from this device. This cannot be undone.
            </p>
            <div className="button-row revoke-confirm">
              <button type="button" className="btn btn-small" onClick={() => setConfirmRevoke(false)} disabled={busy}>
                Keep it
              </button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => void revokeForReal()} disabled={busy} aria-busy={busy || undefined}>
                Revoke “{keyView.label}”
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn" onClick={() => void revoke()}>
            {onRevoke ? <TrashIcon /> : <ExternalIcon />}
            Revoke on OpenRouter
          </button>
        )}
        <p className="help">
          {onRevoke
            ? 'With your management key the app deletes the key on OpenRouter itself.'
            : 'Opens the key’s page on openrouter.ai in your browser, where you can disable or delete it.'}
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
