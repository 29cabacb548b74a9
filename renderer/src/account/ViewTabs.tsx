// The switch between this device's keys and the whole account (shown when the app offers account mode).
import type { KeyboardEvent } from 'react'
import './view-tabs.css'

export type MainView = 'device' | 'account'

const TABS: ReadonlyArray<{ view: MainView; text: string }> = [
  { view: 'device', text: 'This device' },
  { view: 'account', text: 'Account' },
]

export function ViewTabs({ view, onChange }: { view: MainView; onChange(view: MainView): void }) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Arrow keys move between tabs (one tab stop for the whole strip).
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const index = TABS.findIndex((tab) => tab.view === view)
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!
    onChange(next.view)
    event.currentTarget.querySelector<HTMLElement>(`#tab-${next.view}`)?.focus()
  }
  return (
    <div className="view-tabs" role="tablist" aria-label="Show keys of" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.view}
          id={`tab-${tab.view}`}
          type="button"
          role="tab"
          className="view-tab"
          aria-selected={view === tab.view}
          aria-controls="view-panel"
          tabIndex={view === tab.view ? 0 : -1}
          onClick={() => onChange(tab.view)}
        >
          {tab.text}
        </button>
      ))}
    </div>
  )
}
