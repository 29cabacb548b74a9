// The app bar: name, an optional credit limit for Connect, and the actions that add or refresh keys.
import { useState, type FormEvent } from 'react'
import { AppMark, GaugeIcon, KeyIcon, PlusIcon, RefreshIcon, Spinner } from './Icons'

export interface TopBarProps {
  connectRunning: boolean
  refreshingAll: boolean
  /** Starts (or shows) the connect flow with the limit typed here, if any. */
  onConnect(limit: number | undefined): void
  onAddKey(): void
  onMintKey(): void
  onRefreshAll(): void
  /** The limit field, shared so Try again and the menu use the same value. */
  limitText: string
  onLimitTextChange(text: string): void
}

/** The typed credit limit: undefined when empty, null when it is not a positive amount. */
export function parseConnectLimit(text: string): number | undefined | null {
  if (text.trim() === '') return undefined
  const limit = Number(text)
  return Number.isFinite(limit) && limit > 0 && limit <= 1_000_000 ? limit : null
}

export function TopBar(props: TopBarProps) {
  const { connectRunning, refreshingAll, onConnect, onAddKey, onMintKey, onRefreshAll, limitText, onLimitTextChange } = props
  const [limitError, setLimitError] = useState<string | null>(null)

  function connect(event: FormEvent) {
    event.preventDefault()
    const limit = parseConnectLimit(limitText)
    if (limit === null) {
      setLimitError('Enter an amount above $0, or leave it empty for no limit.')
      return
    }
    setLimitError(null)
    onConnect(limit)
  }

  return (
    <header className="topbar">
      <div className="brand">
        <AppMark />
        <h1>OpenRouter Key Manager</h1>
      </div>
      <div className="topbar-actions">
        <form className="connect-form" onSubmit={connect} noValidate>
          <div className="limit-field">
            <label htmlFor="connect-limit">Credit limit (USD, optional)</label>
            <input
              id="connect-limit"
              className="input input-limit"
              type="number"
              inputMode="decimal"
              min="0.01"
              step="0.01"
              placeholder="No limit"
              value={limitText}
              aria-invalid={limitError ? true : undefined}
              aria-describedby={limitError ? 'connect-limit-error' : undefined}
              onChange={(event) => {
                onLimitTextChange(event.target.value)
                setLimitError(null)
              }}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            {connectRunning ? <Spinner /> : <KeyIcon />}
            Connect OpenRouter
          </button>
          {limitError ? (
            <p className="field-error topbar-error" id="connect-limit-error" role="alert">
              {limitError}
            </p>
          ) : null}
        </form>
        <div className="topbar-buttons">
          <button type="button" className="btn" onClick={onAddKey}>
            <PlusIcon />
            Add key
          </button>
          <button type="button" className="btn" onClick={onMintKey}>
            <GaugeIcon />
            New limited key
          </button>
          <button type="button" className="btn" onClick={onRefreshAll} disabled={refreshingAll} aria-busy={refreshingAll || undefined}>
            {refreshingAll ? <Spinner /> : <RefreshIcon />}
            Refresh all
          </button>
        </div>
      </div>
    </header>
  )
}
