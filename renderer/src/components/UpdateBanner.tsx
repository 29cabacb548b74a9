// "Update ready — restart to install" (or, where the build cannot install updates, "Version X is available").
// Self-contained: it asks main for the status, follows `update:changed`, and shows nothing otherwise.
import { useEffect, useState } from 'react'
import type { AppError, UpdateStatus } from '../../../preload/contract'
import type { OrkmApi } from '../api'
import { InfoIcon } from './Icons'

export function UpdateBanner({ api }: { api: OrkmApi }) {
  const [status, setStatus] = useState<UpdateStatus>({ kind: 'none' })
  const [refusal, setRefusal] = useState<AppError | null>(null)

  useEffect(() => {
    let current = true
    const unsubscribe = api.onUpdateChanged((next) => {
      current = false // an event is newer than the start-up answer
      setStatus(next)
      setRefusal(null)
    })
    void api.getUpdateStatus().then((result) => {
      if (current && result.ok) setStatus(result.value)
    })
    return unsubscribe
  }, [api])

  if (status.kind === 'none') return null

  async function restart() {
    const result = await api.restartToUpdate()
    setRefusal(result.ok ? null : result.error)
  }

  return (
    <section className="banner banner-info" aria-label="Update">
      <InfoIcon />
      <ul className="banner-list">
        <li className="banner-item">
          <span className="banner-message">
            {status.kind === 'ready' ? `Update ready — restart to install (version ${status.version}).` : `Version ${status.version} is available.`}
            {refusal ? <span role="alert"> {[refusal.message, refusal.hint].filter(Boolean).join(' ')}</span> : null}
          </span>
          <span className="banner-buttons">
            {status.kind === 'ready' ? (
              <button type="button" className="btn btn-link" onClick={() => void restart()}>
                Restart now
              </button>
            ) : (
              <button type="button" className="btn btn-link" onClick={() => void api.openReleasePage()}>
                Download page
              </button>
            )}
          </span>
        </li>
      </ul>
    </section>
  )
}
