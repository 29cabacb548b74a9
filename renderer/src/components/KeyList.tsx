// The stored keys as a responsive grid of cards. No windowing: every card is in the DOM (Ctrl+F finds any key),
// but cards are memoized, off-screen ones skip layout and paint (`content-visibility: auto`, see styles.css),
// and a long list renders its first screenful at once and the rest in an interruptible transition.
import { startTransition, useEffect, useState } from 'react'
import type { KeyView } from '../../../preload/contract'
import { KeyCard, type KeyCardActions } from './KeyCard'
import { CARD_SIZE, firstScreenful } from '../hooks/firstScreenful'

export interface KeyListProps {
  keys: KeyView[]
  lowCreditPercent: number
  manualOrder: boolean
  pendingRefresh: ReadonlySet<string>
  actions: KeyCardActions
}

export function KeyList({ keys, lowCreditPercent, manualOrder, pendingRefresh, actions }: KeyListProps) {
  // The first, blocking pass renders what the window shows; the rest follow in a transition.
  const [rendered, setRendered] = useState(() => firstScreenful(CARD_SIZE))
  useEffect(() => {
    if (rendered < keys.length) startTransition(() => setRendered(keys.length))
  }, [keys.length, rendered])
  const visible = rendered < keys.length ? keys.slice(0, rendered) : keys
  return (
    <ul className="key-grid" aria-label="Stored keys" aria-busy={visible.length < keys.length || undefined}>
      {visible.map((key, index) => (
        <li key={key.id} className="key-item" aria-label={key.label} data-key-id={key.id}>
          <KeyCard
            keyView={key}
            lowCreditPercent={lowCreditPercent}
            manualOrder={manualOrder}
            isFirst={index === 0}
            isLast={index === keys.length - 1}
            refreshPending={pendingRefresh.has(key.id)}
            actions={actions}
          />
        </li>
      ))}
    </ul>
  )
}

export function KeyListSkeleton() {
  return (
    <div className="key-grid skeleton-grid" aria-hidden="true">
      {[0, 1, 2].map((n) => (
        <div className="card skeleton-card" key={n}>
          <span className="skeleton skeleton-title" />
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-figure" />
          <span className="skeleton skeleton-bar" />
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line short" />
        </div>
      ))}
    </div>
  )
}
