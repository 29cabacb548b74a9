// One confirmation for every account action: says in plain words what will happen to which key, optionally asks
// for the key's name typed out (revoke) or an explicit acknowledgement (rotation's "my tools use the new key"),
// runs the action, and stays open with main's message when it fails.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { AppError } from '../../../preload/contract'
import { ErrorMessage } from '../components/ErrorMessage'
import { Dialog } from '../components/dialogs/Dialog'
import { FormActions } from '../components/dialogs/FormActions'

export interface ConfirmActionDialogProps {
  title: string
  description: ReactNode
  confirmText: string
  danger?: boolean
  /** The person types this (the key's name) before the action is offered. */
  typeToConfirm?: string
  /** A checkbox the person ticks before the action is offered. */
  acknowledge?: string
  /** Resolves to the error to show, or null when done (the dialog closes). */
  onConfirm(): Promise<AppError | null>
  onClose(): void
  children?: ReactNode
}

export function ConfirmActionDialog(props: ConfirmActionDialogProps) {
  const { title, description, confirmText, danger = false, typeToConfirm, acknowledge, onConfirm, onClose, children } = props
  const [typed, setTyped] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)
  const typedId = useId()
  const ackId = useId()
  const typedOk = typeToConfirm === undefined || typed.trim() === typeToConfirm.trim()
  const ready = typedOk && (acknowledge === undefined || acknowledged)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!ready || busy) return
    setBusy(true)
    setError(null)
    const failure = await onConfirm()
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }

  return (
    <Dialog title={title} onClose={onClose} busy={busy} size="small" initialFocus={typeToConfirm === undefined ? cancel : undefined} description={description}>
      <form className="dialog-body form" onSubmit={(event) => void submit(event)} noValidate>
        {children}
        {typeToConfirm !== undefined ? (
          <div className="field">
            <label htmlFor={typedId}>
              Type <strong className="confirm-name">{typeToConfirm}</strong> to confirm
            </label>
            <input
              id={typedId}
              className="input"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        ) : null}
        {acknowledge !== undefined ? (
          <div className="check">
            <input id={ackId} type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} />
            <label htmlFor={ackId}>{acknowledge}</label>
          </div>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        <FormActions busy={busy} onCancel={onClose} submitText={confirmText} submitDisabled={!ready} danger={danger} cancelRef={cancel} />
      </form>
    </Dialog>
  )
}
