// A modal dialog: labelled by its title, focus kept inside (Tab wraps), Escape closes, and focus goes back to
// whatever opened it. The rest of the app is made inert by <App> while a dialog is open.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { CloseIcon } from '../Icons'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface DialogProps {
  title: string
  onClose(): void
  children: ReactNode
  /** What gets focus on open; the first field or button otherwise. */
  initialFocus?: RefObject<HTMLElement | null>
  description?: ReactNode
  /** While busy, Escape and the backdrop do nothing (the call is under way). */
  busy?: boolean
  size?: 'small' | 'medium'
  /** Where focus goes when the dialog closes, if not back to its opener (e.g. the next key after a removal). */
  returnFocusTo?: () => HTMLElement | null
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest('[hidden]'))
}

export function Dialog({ title, onClose, children, initialFocus, description, busy = false, size = 'medium', returnFocusTo }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const onCloseRef = useRef(onClose)
  const returnFocusRef = useRef(returnFocusTo)
  useEffect(() => {
    onCloseRef.current = onClose
    returnFocusRef.current = returnFocusTo
  }, [onClose, returnFocusTo])

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const root = panel.current
    if (root) (initialFocus?.current ?? focusables(root).find((element) => !element.classList.contains('dialog-close')) ?? root).focus()
    return () => {
      // After the app stops being inert (same commit), give focus back; a removed opener falls back to <main>.
      setTimeout(() => {
        const chosen = returnFocusRef.current?.()
        const target = chosen ?? (opener && opener.isConnected ? opener : document.querySelector<HTMLElement>('#main'))
        target?.focus()
      }, 0)
    }
    // Only on open and close.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      if (!busy) onCloseRef.current()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const items = focusables(panel.current)
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const first = items[0]!
    const last = items[items.length - 1]!
    const active = document.activeElement
    if (event.shiftKey && (active === first || !panel.current.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !panel.current.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className="backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busy) onCloseRef.current()
      }}
    >
      <div
        ref={panel}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <button type="button" className="btn btn-ghost btn-icon dialog-close" aria-label="Close" title="Close" onClick={() => !busy && onCloseRef.current()}>
            <CloseIcon />
          </button>
        </div>
        {description ? (
          <div id={descriptionId} className="dialog-description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>
  )
}
