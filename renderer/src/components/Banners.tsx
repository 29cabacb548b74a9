// Conditions worth attention across keys (warnings) and storage problems found by main (notices).
import { useState } from 'react'
import type { Warning } from '../../../preload/contract'
import { AlertIcon, CloseIcon, InfoIcon } from './Icons'

/** "1 key needs attention", "3 keys need attention": counted by key, not by condition. */
export function attentionSummary(warnings: readonly Warning[]): string {
  const keys = new Set(warnings.map((warning) => warning.keyId)).size
  return keys === 1 ? '1 key needs attention' : `${keys} keys need attention`
}

export function WarningsBanner({ warnings, onShowKey }: { warnings: Warning[]; onShowKey(keyId: string): void }) {
  // Hidden for this session only; a new condition has a new id and shows again.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const [expanded, setExpanded] = useState(false)
  const visible = warnings.filter((warning) => !hidden.has(warning.id))
  if (visible.length === 0) return null
  return (
    <section className={`banner banner-warn${expanded ? ' banner-expanded' : ''}`} aria-label="Warnings">
      <AlertIcon />
      <div className="banner-main">
        <p className="banner-summary">
          <span className="banner-message" data-testid="warnings-summary">
            {attentionSummary(visible)}
          </span>
          <button type="button" className="btn btn-link" aria-expanded={expanded} aria-controls="warnings-list" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide details' : 'Show details'}
          </button>
        </p>
        {expanded ? (
          <ul className="banner-list" id="warnings-list">
            {visible.map((warning) => (
              <li key={warning.id} className={`banner-item warning-${warning.kind}`}>
                <span className="banner-message">{warning.message}</span>
                <span className="banner-buttons">
                  <button type="button" className="btn btn-link" onClick={() => onShowKey(warning.keyId)}>
                    Show key
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon btn-tiny"
                    aria-label="Hide warning"
                    title="Hide until something changes"
                    onClick={() => setHidden((current) => new Set(current).add(warning.id))}
                  >
                    <CloseIcon />
                  </button>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  )
}

export function NoticesBanner({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null
  return (
    <section className="banner banner-info" aria-label="Notices">
      <InfoIcon />
      <ul className="banner-list">
        {notices.map((notice, index) => (
          <li key={index} className="banner-item">
            <span className="banner-message">{notice}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
