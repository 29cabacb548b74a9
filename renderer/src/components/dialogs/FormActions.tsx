// A form dialog's footer: Cancel, then the submit button, which shows a spinner and is disabled while busy.
import type { ReactNode, Ref } from 'react'
import { Spinner } from '../Icons'

export interface FormActionsProps {
  busy: boolean
  onCancel(): void
  submitText: ReactNode
  /** Shown before the submit text when not busy. */
  submitIcon?: ReactNode
  /** Disabled for a reason other than being busy (nothing to submit yet). */
  submitDisabled?: boolean
  danger?: boolean
  cancelRef?: Ref<HTMLButtonElement>
  /** Actions placed before Cancel (e.g. Remove…). */
  children?: ReactNode
}

export function FormActions({ busy, onCancel, submitText, submitIcon, submitDisabled = false, danger = false, cancelRef, children }: FormActionsProps) {
  return (
    <div className="dialog-actions">
      {children}
      <button type="button" className="btn" ref={cancelRef} onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button type="submit" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy || submitDisabled} aria-busy={busy || undefined}>
        {busy ? <Spinner /> : (submitIcon ?? null)}
        {submitText}
      </button>
    </div>
  )
}
