// One stored key: who it is, whether it works, what it may still spend, and what can be done with it.
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { CopyFormat, KeyView } from '../../../preload/contract'
import { isInactive, showsLastError, statusReason } from '../status/card-status'
import { STATUS_TEXT, STATUS_TONE } from '../status/status-text'
import { KeyFiguresView } from './KeyFiguresView'
import { CheckLine, ExpiryText } from './RelativeTime'
import {
  ArrowDownIcon,
  ArrowUpIcon,
  CopyIcon,
  PencilIcon,
  RefreshIcon,
  Spinner,
  StarIcon,
  TerminalIcon,
  TrashIcon,
} from './Icons'

export const MAX_KEY_LABEL = 100

/** Stable callbacks shared by every card (so a card re-renders only when its own key changes). */
export interface KeyCardActions {
  refresh(keyId: string): void
  copy(keyId: string, format: CopyFormat): void
  /** Resolves to an error message to show next to the field, or null when saved. */
  rename(keyId: string, label: string): Promise<string | null>
  setDefault(keyId: string): void
  /** The person confirms a key of another account is theirs. */
  confirmAccount(keyId: string): void
  move(keyId: string, direction: -1 | 1): void
  remove(key: KeyView): void
}

export interface KeyCardProps {
  keyView: KeyView
  lowCreditPercent: number
  /** Move up / Move down are offered only in the manual order. */
  manualOrder: boolean
  isFirst: boolean
  isLast: boolean
  refreshPending: boolean
  actions: KeyCardActions
}

function RenameForm({ keyView, actions, onDone }: { keyView: KeyView; actions: KeyCardActions; onDone(): void }) {
  const [draft, setDraft] = useState(keyView.label)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const errorId = `rename-error-${keyView.id}`

  async function save() {
    const label = draft.trim()
    if (label.length === 0) return setError('A label needs at least one character.')
    if (label.length > MAX_KEY_LABEL) return setError(`A label can have at most ${MAX_KEY_LABEL} characters.`)
    if (label === keyView.label) return onDone()
    setSaving(true)
    const failure = await actions.rename(keyView.id, label)
    setSaving(false)
    if (failure) setError(failure)
    else onDone()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onDone()
    }
  }

  return (
    <form
      className="rename"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label className="visually-hidden" htmlFor={`rename-${keyView.id}`}>
        Key label
      </label>
      <input
        id={`rename-${keyView.id}`}
        className="input rename-input"
        value={draft}
        maxLength={MAX_KEY_LABEL}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value)
          setError(null)
        }}
        onKeyDown={onKeyDown}
      />
      <div className="rename-buttons">
        <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}

/** "user_2dHF…0000": an account id short enough for a card; the full value goes in a tooltip. */
type ExportFormat = Exclude<CopyFormat, 'plain'>

/** The shells "Copy as export" writes for; main quotes the line (the same quoting as `orkm env`). */
const EXPORT_FORMATS: ReadonlyArray<readonly [ExportFormat, string]> = [
  ['export-sh', 'sh / bash / zsh'],
  ['export-powershell', 'PowerShell'],
  ['export-cmd', 'cmd'],
]

/** What a terminal on this computer most likely runs. */
function defaultExportFormat(): ExportFormat {
  return /Windows/i.test(navigator.userAgent) ? 'export-powershell' : 'export-sh'
}

export function shortAccount(id: string): string {
  return id.length > 14 ? `${id.slice(0, 9)}…${id.slice(-4)}` : id
}

function KeyCardView({ keyView, lowCreditPercent, manualOrder, isFirst, isLast, refreshPending, actions }: KeyCardProps) {
  const [renaming, setRenaming] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  useEffect(() => {
    // Back to where the person was once the field (which had focus) is gone.
    if (!renaming && returnFocus.current) {
      returnFocus.current = false
      renameButton.current?.focus()
    }
  }, [renaming])
  const { id, status, figures, label } = keyView
  const inactive = isInactive(keyView)
  const tone = inactive ? 'muted' : STATUS_TONE[status.kind]
  const badgeTone = STATUS_TONE[status.kind]
  const refreshing = keyView.refreshing || refreshPending
  const headingId = `key-${id}-label`
  const deadId = `key-${id}-dead`
  const copyDisabled = status.kind === 'missing-secret'
  const badge = STATUS_TEXT[status.kind]
  const reason = statusReason(keyView, badge)
  const [exportFormat, setExportFormat] = useState<ExportFormat>(defaultExportFormat)

  function endRename() {
    returnFocus.current = true
    setRenaming(false)
  }

  return (
    <article
      className={`card tone-${tone}${inactive ? ' card-inactive' : ''}`}
      aria-labelledby={headingId}
      aria-busy={refreshing || undefined}
      tabIndex={-1}
    >
      <div className="card-head">
        <div className="card-title">
          {renaming ? (
            <>
              <h3 id={headingId} className="visually-hidden">
                {label}
              </h3>
              <RenameForm keyView={keyView} actions={actions} onDone={endRename} />
            </>
          ) : (
            <>
              <h3 id={headingId} className="card-label">
                {label}
              </h3>
              <button
                type="button"
                className="btn btn-ghost btn-icon btn-tiny"
                ref={renameButton}
                aria-label={`Rename ${label}`}
                title="Rename"
                onClick={() => setRenaming(true)}
              >
                <PencilIcon />
              </button>
            </>
          )}
          <span className="card-title-end">
            {keyView.isDefault ? (
              <span className="badge badge-default">
                <StarIcon />
                Default
              </span>
            ) : null}
            {manualOrder ? (
              <span className="move-buttons">
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-tiny"
                  aria-label={`Move ${label} up`}
                  title="Move up"
                  data-action="move-up"
                  disabled={isFirst}
                  onClick={() => actions.move(id, -1)}
                >
                  <ArrowUpIcon />
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-tiny"
                  aria-label={`Move ${label} down`}
                  title="Move down"
                  data-action="move-down"
                  disabled={isLast}
                  onClick={() => actions.move(id, 1)}
                >
                  <ArrowDownIcon />
                </button>
              </span>
            ) : null}
          </span>
        </div>
        {figures?.remoteLabel ? (
          <p className="remote-label" data-testid="key-remote-label">
            On OpenRouter: <span className="remote-label-value">{figures.remoteLabel}</span>
          </p>
        ) : null}
        <p className="status-line">
          <span className={`badge badge-${badgeTone}`} data-testid="key-status">
            {badge}
          </span>
          {reason ? (
            <span className={`status-reason tone-text-${badgeTone}`} id={deadId} data-testid="key-status-reason">
              {reason}
            </span>
          ) : null}
        </p>
        {keyView.accountPending ? (
          <div className="card-notice tone-text-warn" data-testid="key-account-pending">
            <p>
              This key belongs to another OpenRouter account ({keyView.userId ? shortAccount(keyView.userId) : 'unknown account'}) than your other
              keys, so it was not made the default. If you did not just connect it yourself, remove it.
            </p>
            <button type="button" className="btn btn-small" aria-label={`This key is mine: ${label}`} onClick={() => actions.confirmAccount(id)}>
              It is mine
            </button>
          </div>
        ) : null}
        {keyView.malformed ? (
          <p className="card-notice tone-text-warn" data-testid="key-malformed">
            The stored key is not shaped like an OpenRouter key. It is kept, but never copied as a shell line.
          </p>
        ) : null}
        <div className="card-secret">
          <code className="masked" data-testid="key-masked">
            {keyView.maskedKey}
          </code>
          <div className="card-copy">
            <button
              type="button"
              className="btn btn-small"
              disabled={copyDisabled}
              aria-label={`Copy ${label}`}
              aria-describedby={copyDisabled ? deadId : undefined}
              onClick={() => actions.copy(id, 'plain')}
            >
              <CopyIcon />
              Copy
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={copyDisabled}
              aria-label={`Copy as export: ${label}`}
              aria-describedby={copyDisabled ? deadId : undefined}
              onClick={() => actions.copy(id, exportFormat)}
            >
              <TerminalIcon />
              Copy as export
            </button>
            <select
              className="input input-small"
              aria-label={`Shell for Copy as export: ${label}`}
              value={exportFormat}
              disabled={copyDisabled}
              onChange={(event) => setExportFormat(event.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map(([format, name]) => (
                <option key={format} value={format}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>

      {figures ? (
        <KeyFiguresView figures={figures} lowCreditPercent={lowCreditPercent} status={status.kind} />
      ) : (
        <p className="figure-note figures-missing">No figures yet. Refresh to ask OpenRouter about this key.</p>
      )}

      <dl className="facts">
        <div>
          <dt>Expires</dt>
          <dd data-testid="key-expiry">{figures ? <ExpiryText expiresAt={figures.expiresAt} /> : '—'}</dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd className="fact-mono" data-testid="key-account" title={keyView.userId ?? undefined}>
            {keyView.userId ? shortAccount(keyView.userId) : 'Unknown'}
          </dd>
        </div>
        <div>
          <dt>Stored in</dt>
          <dd data-testid="key-storage">{keyView.storage}</dd>
        </div>
      </dl>

      <div className="card-foot">
        <p className="checked" data-testid="key-checked">
          {refreshing ? <Spinner /> : null}
          <span>
            {refreshing ? 'Checking with OpenRouter…' : <CheckLine checkedAt={keyView.checkedAt} failure={showsLastError(keyView) ? keyView.lastError : null} />}
          </span>
        </p>
        <div className="card-actions">
          <button type="button" className="btn btn-small" disabled={refreshing} aria-label={`Refresh ${label}`} onClick={() => actions.refresh(id)}>
            {refreshing ? <Spinner /> : <RefreshIcon />}
            Refresh
          </button>
          {keyView.isDefault || inactive ? null : (
            <button type="button" className="btn btn-small" aria-label={`Set as default: ${label}`} onClick={() => actions.setDefault(id)}>
              <StarIcon />
              Set as default
            </button>
          )}
          <button type="button" className="btn btn-small btn-danger-quiet" aria-label={`Remove ${label}`} onClick={() => actions.remove(keyView)}>
            <TrashIcon />
            Remove
          </button>
        </div>
      </div>
    </article>
  )
}

export const KeyCard = memo(KeyCardView)
