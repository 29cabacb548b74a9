// The running (or just finished) connect flow: what is happening, and every way out of it.
import { useState, type FormEvent, type Ref } from 'react'
import type { AppError, ConnectState } from '../../../preload/contract'
import { connectStatusText, isFlowRunning } from '../connect/connect-text'
import type { ConnectActions } from '../hooks/useConnectFlow'
import { useToaster, copiedMessage } from '../hooks/useToasts'
import { AlertIcon, CheckIcon, CopyIcon, ExternalIcon, InfoIcon, Spinner } from './Icons'
import { shortAccount } from './KeyCard'
import { Countdown } from './RelativeTime'

export interface ConnectPanelProps {
  state: Exclude<ConnectState, { phase: 'idle' }>
  /** The account the connected key belongs to (OpenRouter's user id), when known. */
  account: string | null
  actions: ConnectActions
  /** Try again: a new flow with the options of the last one. */
  onTryAgain(): void
  ref?: Ref<HTMLElement>
}

function PasteRedirectForm({ actions }: { actions: ConnectActions }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (text.trim() === '') {
      setError({ code: 'invalid-argument', message: 'Paste the address your browser ended on, or just the code.' })
      return
    }
    setBusy(true)
    const result = await actions.submitRedirect(text.trim())
    setBusy(false)
    if (result.ok) setText('')
    else setError(result.error)
  }

  return (
    <form className="paste-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="connect-redirect">Redirect URL or code</label>
      <p className="help" id="connect-redirect-help">
        If the browser is on another machine, or could not reach this app, paste the address it ended on.
      </p>
      <div className="inline-field">
        <input
          id="connect-redirect"
          className="input input-mono"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder="http://localhost:3000/callback/…?code=…"
          aria-describedby={error ? 'connect-redirect-help connect-redirect-error' : 'connect-redirect-help'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setText(event.target.value)
            setError(null)
          }}
        />
        <button type="submit" className="btn" disabled={busy}>
          Submit
        </button>
      </div>
      {error ? (
        <p className="field-error" id="connect-redirect-error" role="alert">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </p>
      ) : null}
    </form>
  )
}

/** "Connected as user_2dHF…0000", the full id in a tooltip (and to screen readers). */
function ConnectedAs({ account }: { account: string | null }) {
  if (!account) return <>Connected. The key is saved in your keychain.</>
  return (
    <>
      Connected as{' '}
      <abbr className="account-id" title={account} data-testid="connected-account">
        {shortAccount(account)}
        <span className="visually-hidden"> ({account})</span>
      </abbr>
      . The key is saved in your keychain.
    </>
  )
}

export function ConnectPanel({ state, account, actions, onTryAgain, ref }: ConnectPanelProps) {
  const toaster = useToaster()
  const running = isFlowRunning(state)
  const tone = state.phase === 'connected' ? 'ok' : state.phase === 'failed' ? 'danger' : state.phase === 'awaiting-browser' || running ? 'info' : 'muted'
  const unsaved = state.phase === 'failed' ? state.unsavedKey : null

  async function run<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, success?: (value: T) => string) {
    const result = await call()
    if (!result.ok) toaster.error(result.error)
    else if (success) toaster.notify(success(result.value))
  }

  return (
    <section ref={ref} className={`panel connect-panel tone-${tone}`} aria-label="Connection" tabIndex={-1}>
      <div className="connect-head">
        <span className="connect-icon" aria-hidden="true">
          {running ? <Spinner /> : state.phase === 'connected' ? <CheckIcon /> : state.phase === 'failed' ? <AlertIcon /> : <InfoIcon />}
        </span>
        <div className="connect-text">
          <h2 className="panel-title">{state.phase === 'connected' ? 'Connected' : 'Connect OpenRouter account'}</h2>
          <p className="connect-status" role="status" data-testid="connect-status">
            {state.phase === 'connected' ? <ConnectedAs account={account} /> : connectStatusText(state)}
          </p>
          {state.phase === 'failed' && state.error.hint ? (
            <p className="connect-hint" data-testid="connect-hint">
              {state.error.hint}
            </p>
          ) : null}
          {state.phase === 'connected' ? <p className="connect-hint">“{state.label}” is now in your list.</p> : null}
        </div>
        {state.phase === 'awaiting-browser' ? (
          <p className="countdown">
            <span className="countdown-label">Time left</span>
            <span className="countdown-value">
              <Countdown deadline={state.deadline} />
            </span>
          </p>
        ) : null}
      </div>

      {state.phase === 'awaiting-browser' ? (
        <div className="connect-body">
          <div className="button-row">
            <button type="button" className="btn" onClick={() => void run(actions.cancel)}>
              Cancel
            </button>
          </div>
          {state.portNotice ? (
            <p className="callout callout-warn" data-testid="port-notice">
              {state.portNotice}
            </p>
          ) : null}
          <details className="trouble">
            <summary>Having trouble?</summary>
            <div className="trouble-body">
              <p className="help">
                This app is listening on port {state.callbackPort} for OpenRouter’s answer. If the browser did not open, or opened on another
                machine, use the link below.
              </p>
              <p className="auth-url" data-testid="auth-url">
                {state.authUrl}
              </p>
              <div className="button-row">
                <button type="button" className="btn" onClick={() => void run(actions.copyLink, () => 'Link copied.')}>
                  <CopyIcon />
                  Copy link
                </button>
                <button type="button" className="btn" onClick={() => void run(actions.openAgain)}>
                  <ExternalIcon />
                  Open again
                </button>
              </div>
              <PasteRedirectForm actions={actions} />
            </div>
          </details>
        </div>
      ) : null}

      {unsaved ? (
        <div className="callout callout-danger unsaved" data-testid="unsaved-key">
          <p>
            The new key <code>{unsaved.maskedKey}</code> is held in memory only: it is not saved anywhere yet and is lost when the app closes.
            Fix the keychain, then press <strong>Save again</strong>, or copy the key somewhere safe.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void run(actions.retrySave)}>
              Save again
            </button>
            <button type="button" className="btn" onClick={() => void run(actions.copyUnsavedKey, (receipt) => copiedMessage(receipt.clearsAfterSeconds))}>
              <CopyIcon />
              Copy key
            </button>
          </div>
        </div>
      ) : null}

      {state.phase === 'connected' || state.phase === 'failed' || state.phase === 'cancelled' || state.phase === 'timed-out' ? (
        <div className="button-row">
          {/* With a key held in memory, Save again is the one next step: a second primary button would compete. */}
          {state.phase !== 'connected' && !unsaved ? (
            <button type="button" className="btn btn-primary" onClick={onTryAgain}>
              Try again
            </button>
          ) : null}
          {unsaved ? null : (
            <button type="button" className="btn" onClick={() => void run(actions.dismiss)}>
              Dismiss
            </button>
          )}
        </div>
      ) : null}
    </section>
  )
}
