// The app bar: the name, Connect, and the actions that add or refresh keys. One row at 1100 px; on a narrow
// window the secondary actions fold into a "More" disclosure (styles.css decides which one is shown).
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { AppMark, GaugeIcon, KeyIcon, MoreIcon, PlusIcon, RefreshIcon, Spinner } from './Icons'

export interface TopBarProps {
  connectRunning: boolean
  refreshingAll: boolean
  /** Opens the connect form (or shows the running flow). */
  onConnect(): void
  onAddKey(): void
  onMintKey(): void
  onRefreshAll(): void
}

interface BarAction {
  id: string
  text: string
  icon: ReactNode
  run(): void
  busy?: boolean
}

function MoreMenu({ actions }: { actions: readonly BarAction[] }) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    function onPointer(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])
  return (
    <div
      className="more-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
          root.current?.querySelector<HTMLButtonElement>('.more-toggle')?.focus()
        }
      }}
    >
      <button type="button" className="btn more-toggle" aria-expanded={open} aria-controls="more-actions" onClick={() => setOpen(!open)}>
        <MoreIcon />
        More
      </button>
      {open ? (
        <ul className="more-list" id="more-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <button
                type="button"
                className="btn btn-ghost more-item"
                disabled={action.busy}
                onClick={() => {
                  setOpen(false)
                  action.run()
                }}
              >
                {action.icon}
                {action.text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function TopBar({ connectRunning, refreshingAll, onConnect, onAddKey, onMintKey, onRefreshAll }: TopBarProps) {
  const secondary: BarAction[] = [
    { id: 'add', text: 'Add key', icon: <PlusIcon />, run: onAddKey },
    { id: 'mint', text: 'New limited key', icon: <GaugeIcon />, run: onMintKey },
    { id: 'refresh', text: 'Refresh all', icon: refreshingAll ? <Spinner /> : <RefreshIcon />, run: onRefreshAll, busy: refreshingAll },
  ]
  return (
    <header className="topbar">
      <div className="brand">
        <AppMark />
        <h1>OpenRouter Key Manager</h1>
      </div>
      <div className="topbar-actions">
        <button type="button" className="btn btn-primary" onClick={onConnect}>
          {connectRunning ? <Spinner /> : <KeyIcon />}
          Connect OpenRouter
        </button>
        <div className="topbar-buttons">
          {secondary.map((action) => (
            <button
              key={action.id}
              type="button"
              className="btn"
              onClick={action.run}
              disabled={action.busy}
              aria-busy={action.busy || undefined}
            >
              {action.icon}
              {action.text}
            </button>
          ))}
        </div>
        <MoreMenu actions={secondary} />
      </div>
    </header>
  )
}
