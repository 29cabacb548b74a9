// The connect flow's state machine:
// idle → awaiting-browser → exchanging → saving → connected | failed | cancelled | timed-out.
// One flow at a time. An exchanged key is never dropped: if saving fails it is held here until saved or copied.
import type { AppError, ConnectOptions, ConnectState, CopyReceipt } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import type { CallbackPage } from './callback-page'
import { CODE_PATTERN, callbackPath, openCallbackListener, type CallbackEvent, type CallbackListener } from './callback-server'
import type { ClipboardGuard } from '../keys/clipboard-guard'
import { assertKeyShape, maskKey } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import type { KeyIntake, NewKey } from '../new-keys/key-intake'
import type { Logger } from '../base/logger'
import type { OpenRouterGateway } from '../openrouter/openrouter-gateway'
import { createNonce, createPkcePair, type PkcePair } from './pkce'
import { plainText } from '../base/concealed-clipboard'
import type { ClipboardPort, Clock, ExternalOpener } from '../base/ports'
import { setImmediate as nextTurn } from 'node:timers/promises'

export interface ConnectFlowDeps {
  callbackPort: number
  authTimeoutMs: number
  gateway: OpenRouterGateway
  intake: Pick<KeyIntake, 'accept'>
  keys: Pick<KeyService, 'refresh'>
  copier: Pick<ClipboardGuard, 'copySecret'>
  opener: ExternalOpener
  clipboard: ClipboardPort
  clock: Clock
  logger: Logger
  /** Throws when no keychain can take the new key (unreachable, locked): checked before the browser opens. */
  checkStorage(): Promise<void>
}

interface ActiveFlow {
  flowId: string
  /** The name typed in the connect form; it stays on this device (the consent page takes no name). */
  name: string | null
  pkce: PkcePair
  nonce: string
  listener: CallbackListener | null
  authUrl: string
  timer: { cancel(): void } | null
  codeTaken: boolean
}

interface UnsavedKey {
  flowId: string
  origin: NewKey['origin']
  secret: string
  userId: string | null
  /** The label typed for the key (connect form, mint); unnamed, a connected key takes OpenRouter's label. */
  label: string | null
  copied: boolean
}

const TERMINAL_PHASES = new Set<ConnectState['phase']>(['connected', 'failed', 'cancelled', 'timed-out'])

export class ConnectFlow {
  private state: ConnectState = { phase: 'idle' }
  private active: ActiveFlow | null = null
  private unsaved: UnsavedKey | null = null
  private starting: Promise<ConnectState> | null = null
  private readonly listeners = new Set<(state: ConnectState) => void>()

  constructor(private readonly deps: ConnectFlowDeps) {}

  get current(): ConnectState {
    return this.state
  }

  onChange(listener: (state: ConnectState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private setState(next: ConnectState): ConnectState {
    this.state = next
    this.deps.logger.info('connect flow', { phase: next.phase })
    for (const listener of this.listeners) listener(next)
    return next
  }

  /** Starts a flow, or answers the running one (a second Connect click focuses it). */
  start(options: ConnectOptions): Promise<ConnectState> {
    if (this.active || this.starting) return this.starting ?? Promise.resolve(this.state)
    if (this.unsaved) {
      throw new AppFailure('busy', 'A connected key is not saved yet.', 'Save it again or copy it before connecting another.')
    }
    this.starting = this.begin(options).finally(() => {
      this.starting = null
    })
    return this.starting
  }

  private async begin(options: ConnectOptions): Promise<ConnectState> {
    const flowId = createNonce(9)
    const flow: ActiveFlow = {
      flowId,
      name: options.name?.trim() || null,
      pkce: createPkcePair(),
      nonce: createNonce(),
      listener: null,
      authUrl: '',
      timer: null,
      codeTaken: false,
    }
    // Active at once, so a Cancel that arrives while the flow is still starting is honoured.
    this.active = flow
    try {
      // A key OpenRouter creates must have somewhere to go: say so now, not after the person approved it.
      await this.deps.checkStorage()
    } catch (error) {
      if (this.active === flow) this.active = null
      throw error
    }
    if (this.active !== flow) return this.state // cancelled while the keychain was being checked
    try {
      flow.listener = await openCallbackListener({
        preferredPort: this.deps.callbackPort,
        nonce: flow.nonce,
        onCallback: (event) => this.onBrowserCallback(flow, event),
      })
      flow.authUrl = await this.deps.gateway.authorizationUrl({
        callbackUrl: flow.listener.callbackUrl,
        codeChallenge: flow.pkce.challenge,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      })
      assertConsentUrl(flow.authUrl, this.deps.gateway.origin)
      if (this.active !== flow) {
        // Cancelled while starting: nothing was opened yet.
        await flow.listener.close()
        return this.state
      }
    } catch (error) {
      const cancelled = this.active !== flow
      await this.finish(flow)
      if (cancelled) return this.state
      const appError = isAppFailure(error)
        ? error.appError
        : { code: 'internal' as const, message: 'The connection could not start: no local port could be opened.', hint: 'Close other programs using local ports and try again.' }
      this.deps.logger.error('connect flow could not start', { error })
      return this.setState({ phase: 'failed', flowId, error: appError, unsavedKey: null })
    }
    flow.timer = this.deps.clock.setTimeout(() => void this.onTimeout(flow), this.deps.authTimeoutMs)
    const state = this.setState({
      phase: 'awaiting-browser',
      flowId,
      authUrl: flow.authUrl,
      callbackPort: flow.listener.port,
      portNotice: flow.listener.usedFallbackPort
        ? `Another program is using port ${this.deps.callbackPort}, so this sign-in listens on port ${flow.listener.port} instead.`
        : null,
      deadline: new Date(this.deps.clock.now() + this.deps.authTimeoutMs).toISOString(),
    })
    this.deps.opener.openExternal(flow.authUrl).catch((error: unknown) => {
      // The panel still offers the link to copy or open again.
      this.deps.logger.warn('could not open the system browser', { error })
    })
    return state
  }

  private async onBrowserCallback(flow: ActiveFlow, event: CallbackEvent): Promise<CallbackPage> {
    if (this.active !== flow || flow.codeTaken) {
      return { ok: false, heading: 'This sign-in has ended', detail: 'Return to OpenRouter Key Manager and connect again.' }
    }
    if (event.kind === 'error') {
      flow.codeTaken = true
      await this.finish(flow, { keepListenerForResponse: true })
      const denied = event.error === 'access_denied'
      this.setState({
        phase: 'failed',
        flowId: flow.flowId,
        error: {
          code: 'code-rejected',
          message: denied ? 'You declined the authorization in the browser. Nothing was stored.' : 'OpenRouter did not authorize the app. Nothing was stored.',
          hint: 'Connect again when you are ready.',
        },
        unsavedKey: null,
      })
      return { ok: false, heading: 'Not connected', detail: 'The authorization was not granted. You can close this tab.' }
    }
    // The page says "saved" as soon as the keychain holds the key, while its figures (and with them its name) may
    // still be on the way; the app says "connected" once they are. The key list file follows without either
    // waiting for it (KeyService.saveKey).
    let secretStored: () => void = () => {}
    const stored = new Promise<'stored'>((resolve) => (secretStored = () => resolve('stored')))
    const outcome = this.exchangeAndSave(flow, event.code, { keepListenerForResponse: true, onSecretStored: () => secretStored() })
    const first = await Promise.race([stored, outcome])
    if (first === 'stored') outcome.catch((error: unknown) => this.deps.logger.error('connect flow failed after the key was stored', { error }))
    return first === 'stored' || first.phase === 'connected'
      ? { ok: true, heading: 'Connected — you can close this tab', detail: 'Your key is saved. Return to OpenRouter Key Manager.' }
      : { ok: false, heading: 'Not connected', detail: 'Return to OpenRouter Key Manager to see what went wrong and try again.' }
  }

  /** The fallback when the browser could not reach the listener: the person pastes the redirect URL or the code. */
  async submitRedirect(text: string): Promise<ConnectState> {
    const flow = this.active
    if (!flow || this.state.phase !== 'awaiting-browser' || flow.codeTaken) {
      throw new AppFailure('no-flow', 'There is no connection waiting for a code.', 'Click Connect OpenRouter first.')
    }
    const code = codeFromPaste(text.trim(), flow.nonce)
    return this.exchangeAndSave(flow, code, { keepListenerForResponse: false })
  }

  private async exchangeAndSave(flow: ActiveFlow, code: string, options: { keepListenerForResponse: boolean; onSecretStored?: () => void }): Promise<ConnectState> {
    flow.codeTaken = true
    flow.timer?.cancel()
    if (!options.keepListenerForResponse) await flow.listener?.close()
    this.setState({ phase: 'exchanging', flowId: flow.flowId })
    let exchanged: { key: string; userId: string | null }
    try {
      exchanged = await this.deps.gateway.exchangeCode({ code, codeVerifier: flow.pkce.verifier })
    } catch (error) {
      await this.finish(flow, options)
      return this.setState({ phase: 'failed', flowId: flow.flowId, error: appErrorOf(error), unsavedKey: null })
    }
    await this.finish(flow, options)
    try {
      // Refused before it is held or stored: a value that is not a key is not worth keeping.
      assertKeyShape(exchanged.key, 'exchange')
    } catch (error) {
      return this.setState({ phase: 'failed', flowId: flow.flowId, error: appErrorOf(error), unsavedKey: null })
    }
    this.unsaved = { flowId: flow.flowId, origin: 'exchange', secret: exchanged.key, userId: exchanged.userId, label: flow.name, copied: false }
    return this.saveUnsaved(options.onSecretStored)
  }

  private async saveUnsaved(onSecretStored?: () => void): Promise<ConnectState> {
    const unsaved = this.unsaved
    if (!unsaved) throw new AppFailure('no-flow', 'There is no unsaved key.')
    this.setState({ phase: 'saving', flowId: unsaved.flowId })
    try {
      // The key's figures are fetched while the keychain write runs; a failed fetch never blocks the save. The
      // request is sent on the next turn of the event loop, so the keychain write (the longer step) starts first.
      const figures = nextTurn()
        .then(() => this.deps.gateway.getKeyFigures(unsaved.secret))
        .catch(() => null)
      // Unnamed, a connected key is named as OpenRouter lists it, so it can be matched with the keys page: the
      // label is taken from the figures when they arrive, without holding the keychain write back.
      const { stored, accountMismatch } = await this.deps.intake.accept(unsaved.secret, {
        origin: unsaved.origin,
        userId: unsaved.userId,
        figures,
        ...(unsaved.label === null ? { labelFromFigures: unsaved.origin === 'exchange' } : { label: unsaved.label }),
        ...(onSecretStored ? { onSecretStored } : {}),
      })
      this.unsaved = null
      if (!stored.figures) void this.deps.keys.refresh(stored.id).catch(() => {})
      return this.setState({
        phase: 'connected',
        flowId: unsaved.flowId,
        keyId: stored.id,
        label: stored.label,
        account: stored.userId ?? stored.figures?.creatorUserId ?? null,
        accountMismatch,
      })
    } catch (error) {
      this.deps.logger.error('saving the exchanged key failed; holding it in memory', { error })
      return this.setState({
        phase: 'failed',
        flowId: unsaved.flowId,
        error: withSaveAgainHint(appErrorOf(error)),
        unsavedKey: { maskedKey: maskKey(unsaved.secret) },
      })
    }
  }

  /** Takes a key created elsewhere (mint, create) whose save failed, so the panel offers Save again and Copy key. */
  holdUnsavedKey(secret: string, userId: string | null, label: string, error: unknown, origin: NewKey['origin'] = 'mint'): ConnectState {
    if (this.unsaved) {
      // Cannot happen through the UI (minting asks assertCanTakeNewKey first); never overwrite a held key.
      throw new AppFailure('busy', 'A key is already waiting to be saved.')
    }
    const flowId = createNonce(9)
    this.unsaved = { flowId, origin, secret, userId, label, copied: false }
    return this.setState({ phase: 'failed', flowId, error: withSaveAgainHint(appErrorOf(error)), unsavedKey: { maskedKey: maskKey(secret) } })
  }

  async retrySave(): Promise<ConnectState> {
    if (!this.unsaved) throw new AppFailure('no-flow', 'There is no unsaved key to save.')
    return this.saveUnsaved()
  }

  copyUnsavedKey(): Promise<CopyReceipt> {
    if (!this.unsaved) throw new AppFailure('no-flow', 'There is no unsaved key to copy.')
    this.unsaved.copied = true
    return this.deps.copier.copySecret(this.unsaved.secret, 'plain')
  }

  /**
   * Cancels a flow that is starting or waiting for the browser. Once a code is being exchanged the key may
   * already exist on OpenRouter, so the exchange (bounded by its timeout) is allowed to finish and be saved.
   */
  async cancel(): Promise<ConnectState> {
    const flow = this.active
    if (!flow || flow.codeTaken) return this.state
    const flowId = flow.flowId
    await this.finish(flow)
    return this.setState({ phase: 'cancelled', flowId })
  }

  /** True while quitting would lose a key: one held unsaved and not copied, or an exchange or save under way. */
  hasWorkAtRisk(): boolean {
    return (this.unsaved !== null && !this.unsaved.copied) || this.state.phase === 'exchanging' || this.state.phase === 'saving'
  }

  /** Minting and connecting share the one slot for an unsaved key: a second key never replaces a held one. */
  assertCanTakeNewKey(): void {
    if (this.unsaved) {
      throw new AppFailure('busy', 'A key is waiting to be saved.', 'Use Save again or Copy key in the connection panel first.')
    }
    if (this.active) {
      throw new AppFailure('busy', 'A connection is in progress.', 'Finish or cancel it first.')
    }
  }

  /** Back to idle after a finished flow. An unsaved key must be saved or copied first: it exists nowhere else. */
  dismiss(): ConnectState {
    if (this.unsaved && !this.unsaved.copied) {
      throw new AppFailure('busy', 'This key is not saved anywhere yet.', 'Save it again, or copy it, before dismissing.')
    }
    if (!TERMINAL_PHASES.has(this.state.phase)) return this.state
    this.unsaved = null
    return this.setState({ phase: 'idle' })
  }

  async openAgain(): Promise<void> {
    const flow = this.requireWaitingFlow()
    await this.deps.opener.openExternal(flow.authUrl)
  }

  async copyLink(): Promise<void> {
    const flow = this.requireWaitingFlow()
    await this.deps.clipboard.write(plainText(flow.authUrl))
  }

  private requireWaitingFlow(): ActiveFlow {
    if (!this.active || this.state.phase !== 'awaiting-browser') {
      throw new AppFailure('no-flow', 'There is no connection waiting for the browser.', 'Click Connect OpenRouter first.')
    }
    return this.active
  }

  private async onTimeout(flow: ActiveFlow): Promise<void> {
    if (this.active !== flow || flow.codeTaken) return
    await this.finish(flow)
    this.setState({ phase: 'timed-out', flowId: flow.flowId })
  }

  /** Ends the active flow: timer off, listener closed (unless its page is still being answered). */
  private async finish(flow: ActiveFlow, options: { keepListenerForResponse?: boolean } = {}): Promise<void> {
    flow.timer?.cancel()
    if (this.active === flow) this.active = null
    // After answering its page the listener closes itself.
    if (!options.keepListenerForResponse) await flow.listener?.close()
  }

  /** Closes any listener; used when the app quits. */
  async shutdown(): Promise<void> {
    if (this.active) await this.finish(this.active)
  }
}

function appErrorOf(error: unknown): AppError {
  return isAppFailure(error) ? error.appError : { code: 'internal', message: 'Something went wrong while connecting.', hint: 'Try again.' }
}

/** Only the configured OpenRouter origin's consent page is ever opened. */
function assertConsentUrl(authUrl: string, origin: string): void {
  const url = new URL(authUrl)
  if (url.origin !== origin || url.pathname !== '/auth') {
    throw new AppFailure('internal', 'The consent page address was not on OpenRouter.')
  }
}

/** A pasted redirect URL must be this flow's callback; a bare code is accepted as it is. */
export function codeFromPaste(text: string, nonce: string): string {
  if (CODE_PATTERN.test(text)) return text
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppFailure('invalid-argument', 'Paste the whole address from the browser, or just the code.')
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (!loopback || url.protocol !== 'http:' || url.pathname !== callbackPath(nonce)) {
    throw new AppFailure('invalid-argument', 'That address is not from this connection attempt.', 'Copy the address the browser was sent to after you approved.')
  }
  const codes = url.searchParams.getAll('code')
  if (codes.length !== 1 || !CODE_PATTERN.test(codes[0]!)) {
    throw new AppFailure('invalid-argument', 'That address does not carry a valid code.')
  }
  return codes[0]!
}

/** A key held in memory because the keychain refused it: the hint names the one button that saves it. */
function withSaveAgainHint(error: AppError): AppError {
  if (error.code === 'keychain-locked') return { ...error, hint: 'Unlock your keychain (on Linux: your login keyring, e.g. in Passwords and Keys), then press Save again.' }
  if (error.code === 'keychain-unavailable' || error.code === 'keychain-failed') return { ...error, hint: `${error.hint ?? 'Fix the keychain.'} Then press Save again.` }
  return error
}
