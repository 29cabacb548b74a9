// The two settings: when to warn about low credit, and how the list is sorted (sorting happens in main).
import { useState } from 'react'
import type { Settings, SortOrder } from '../../../preload/contract'

export interface SettingsBarProps {
  settings: Settings
  onChange(patch: Partial<Settings>): void
}

export function parsePercent(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const value = Number(text)
  return value >= 1 && value <= 100 ? value : null
}

function LowCreditField({ value, onCommit }: { value: number; onCommit(value: number): void }) {
  const [draft, setDraft] = useState(String(value))
  const [shownValue, setShownValue] = useState(value)
  const [error, setError] = useState<string | null>(null)
  // Main changed the value (another window, a reset): show the new one.
  if (shownValue !== value) {
    setShownValue(value)
    setDraft(String(value))
    setError(null)
  }

  function commit() {
    const parsed = parsePercent(draft)
    if (parsed === null) {
      setError('Enter a whole number from 1 to 100.')
      return
    }
    setError(null)
    if (parsed !== value) onCommit(parsed)
  }

  return (
    <div className="setting">
      <label htmlFor="setting-low-credit">Low-credit warning (%)</label>
      <input
        id="setting-low-credit"
        className="input input-narrow"
        type="number"
        min={1}
        max={100}
        step={1}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'setting-low-credit-error' : undefined}
        onChange={(event) => {
          setDraft(event.target.value)
          setError(null)
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          }
        }}
      />
      {error ? (
        <p className="field-error" id="setting-low-credit-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function SettingsBar({ settings, onChange }: SettingsBarProps) {
  return (
    <div className="settings" role="group" aria-label="Settings">
      <LowCreditField value={settings.lowCreditPercent} onCommit={(lowCreditPercent) => onChange({ lowCreditPercent })} />
      <div className="setting">
        <label htmlFor="setting-sort">Sort by</label>
        <select
          id="setting-sort"
          className="input"
          value={settings.sortOrder}
          onChange={(event) => onChange({ sortOrder: event.target.value as SortOrder })}
        >
          <option value="manual">Manual</option>
          <option value="label">Label</option>
          <option value="remaining">Remaining credit</option>
          <option value="expiry">Expiry</option>
        </select>
      </div>
    </div>
  )
}
