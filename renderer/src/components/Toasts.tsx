// The live region for short messages; always in the page so screen readers hear what is added to it.
import type { Toast } from '../hooks/useToasts'
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './Icons'

export function Toasts({ toasts, onClose }: { toasts: Toast[]; onClose(id: number): void }) {
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          {toast.tone === 'error' ? <AlertIcon /> : toast.tone === 'success' ? <CheckIcon /> : <InfoIcon />}
          <div className="toast-text">
            <p>{toast.message}</p>
            {toast.hint ? <p className="toast-hint">{toast.hint}</p> : null}
          </div>
          <button type="button" className="btn btn-ghost btn-icon btn-tiny" aria-label="Close" title="Close" onClick={() => onClose(toast.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  )
}
