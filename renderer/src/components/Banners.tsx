// Conditions worth attention across keys (warnings) and storage problems found by main (notices).
import { useState } from 'react'
import type { Warning } from '../../../preload/contract'
import { AlertIcon, CloseIcon, InfoIcon } from './Icons'

export function WarningsBanner({ warnings, onShowKey }: { warnings: Warning[]; onShowKey(keyId: string): void }) {
  // Hidden for this session only; a new condition has a new id and shows again.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const visible = warnings.filter((warning) => !hidden.has(warning.id))
  if (visible.length === 0) return null
  return (
    <section className="banner banner-warn" aria-label="Warnings">
      <AlertIcon />
      <ul className="banner-list">
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
