// The stored keys: list, status, refresh, rename, order, default, remove. New keys enter through
// new-keys/key-intake.ts, copies go through clipboard-guard.ts, start-up reconciliation is keychain-reconciler.ts.
// Secrets: keychain only, read when needed (one keychain call for a whole-list refresh), never returned to callers.
// Metadata: one in-memory document, persisted atomically after every change.
import type { AppError, KeyFigures, KeyListView, KeyView, RefreshMode, Settings } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import { keyIdOf, maskKey } from './key-identity'
import { reconcileWithKeychain } from './keychain-reconciler'
import { cleanLabel, MAX_LABEL_LENGTH } from './labels'
import { deriveStatus, deriveWarnings, notificationFor } from './key-status'
import type { Logger } from '../base/logger'
import type { MetadataStore, StagedSave } from './metadata-store'
import type { OpenRouterGateway } from '../openrouter/openrouter-gateway'
import type { Clock, ExternalOpener, NotifierPort } from '../base/ports'
import { runWithConcurrency } from '../base/concurrency'
import { sortKeys } from './key-order'
import { RefreshPace } from './refresh-pace'
import type { SecretVault } from './secret-vault'
import type { MetadataDocument, StoredKey } from './stored-key'

export interface KeyServiceDeps {
  vault: SecretVault
  metadata: MetadataStore
  gateway: OpenRouterGateway
  notifier: NotifierPort
  opener: ExternalOpener
  clock: Clock
  logger: Logger
  refreshConcurrency?: number
  /** Told of every good check of a key's figures (the local spend history records them). */
  onFigures?: (keyId: string, figures: KeyFigures, atMs: number) => void
}

export interface NewKeyDetails {
  userId: string | null
  label?: string
  /**
   * Unnamed, the key takes OpenRouter's label from its figures (so it can be matched with the keys page). The
   * figures are then awaited in full rather than for the grace period; the keychain write never waits for them.
   */
  labelFromFigures?: boolean
  /** Figures already known, or being fetched while the keychain write runs (one metadata write for both). */
  figures?: KeyFigures | null | Promise<KeyFigures | null>
  /** The key belongs to another account than the keys already stored: kept, but not made the default until confirmed. */
  accountPending?: boolean
  /** Told as soon as the keychain holds the key, before its figures and metadata are written. */
  onSecretStored?: () => void
}

const MAX_BACKOFF_MS = 30 * 60 * 1000
const FIRST_BACKOFF_MS = 60 * 1000
const CHANGE_COALESCE_MS = 30
const FIGURES_GRACE_MS = 2000

/** Automatic refreshes wait 1, 2, 4 … 30 minutes after consecutive failures. */
export function refreshBackoffMs(failedRefreshes: number): number {
  if (failedRefreshes <= 0) return 0
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failedRefreshes - 1))
}

export class KeyService {
  private readonly listeners = new Set<(view: KeyListView) => void>()
  private readonly refreshing = new Set<string>()
  private readonly missingSecrets = new Set<string>()
  private malformedSecrets = new Set<string>()
  private emitTimer: { cancel(): void } | null = null
  private readonly concurrency: number
  /** Saves under way with their file writes, which nobody waits for once the key is stored (see saveKey); `flush` does. */
  private readonly savesUnderWay = new Set<Promise<void>>()
  /** Says that such a write failed, until a later write of the file succeeds. */
  private unwrittenFileNotice: string | null = null

  private constructor(
    private readonly deps: KeyServiceDeps,
    private document: MetadataDocument,
    private readonly notices: string[],
  ) {
    this.concurrency = deps.refreshConcurrency ?? 4
  }

  /** The start-up reconciliation with the keychain, once begun; operations that touch secrets wait for it. */
  private reconciliation: Promise<void> | null = null

  /**
   * Loads the metadata: enough to show the list at once. The reconciliation with the keychain (finishing
   * interrupted removals, listing orphaned secrets again, noting missing ones) begins at the first operation that
   * needs the keychain: the window's start-up refresh, after its first screen, or a copy, save or removal before
   * that. Listing every keychain item is the slowest part of a start (about 1 s of the keyring's time at 500 keys
   * here), so it no longer competes with the window's first screen. Keytar is first loaded there, not at start-up.
   */
  static async open(deps: KeyServiceDeps): Promise<KeyService> {
    const { document, notices } = await deps.metadata.load()
    return new KeyService(deps, document, [...notices])
  }

  /** Resolves once the keychain has been reconciled, beginning the reconciliation if nothing has yet. */
  whenReconciled(): Promise<void> {
    return this.reconciled
  }

  /** Whether the reconciliation has begun (the benchmark checks that the window's first load does not wait on it). */
  get reconciliationBegun(): boolean {
    return this.reconciliation !== null
  }

  private get reconciled(): Promise<void> {
    this.reconciliation ??= this.reconcileWithKeychain().catch((error: unknown) => {
      this.deps.logger.error('keychain reconciliation failed', { error })
    })
    return this.reconciliation
  }

  private async reconcileWithKeychain(): Promise<void> {
    const outcome = await reconcileWithKeychain(this.document, {
      vault: this.deps.vault,
      logger: this.deps.logger,
      recoveredRecord: (secret) => this.newRecord(secret, { userId: null, label: 'Recovered key' }),
    })
    for (const id of outcome.missing) this.missingSecrets.add(id)
    this.malformedSecrets = outcome.malformed
    this.notices.push(...outcome.notices)
    if (outcome.changed) await this.persist()
    else this.scheduleEmit()
  }

  onChange(listener: (view: KeyListView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get storageDescription(): string {
    return this.deps.vault.description
  }

  list(): KeyListView {
    const now = this.deps.clock.now()
    const { settings } = this.document
    const views = sortKeys(this.document.keys, settings.sortOrder).map((key) => this.toView(key, now))
    return {
      keys: views,
      settings: { ...settings },
      warnings: deriveWarnings(this.document.keys.filter((key) => !key.removing), settings, now, this.missingSecrets),
      notices: this.unwrittenFileNotice ? [...this.notices, this.unwrittenFileNotice] : [...this.notices],
    }
  }

  /**
   * Throws when no keychain can be reached at all (with the fix), asked before a key is created or pasted. A locked
   * keychain passes: it may be unlocked by then, and if not, the new key is held in memory for "Save again".
   */
  async checkStorage(): Promise<void> {
    try {
      await this.deps.vault.list()
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'keychain-unavailable') throw error
    }
  }

  view(keyId: string): KeyView {
    return this.toView(this.find(keyId), this.deps.clock.now())
  }

  private toView(key: StoredKey, now: number): KeyView {
    return {
      id: key.id,
      label: key.label,
      maskedKey: key.maskedKey,
      userId: key.userId ?? key.figures?.creatorUserId ?? null,
      storage: this.deps.vault.description,
      addedAt: key.addedAt,
      isDefault: this.document.defaultKeyId === key.id,
      accountPending: key.accountPending,
      malformed: this.malformedSecrets.has(key.id),
      status: deriveStatus(key, this.document.settings, now, this.missingSecrets.has(key.id)),
      figures: key.figures,
      checkedAt: key.checkedAt,
      lastError: key.lastError,
      refreshing: this.refreshing.has(key.id),
    }
  }

  private find(keyId: string): StoredKey {
    const key = this.document.keys.find((candidate) => candidate.id === keyId && !candidate.removing)
    if (!key) throw new AppFailure('not-found', 'That key is no longer stored.', 'Refresh the list.')
    return key
  }

  private newRecord(secret: string, details: Omit<NewKeyDetails, 'figures'> & { figures?: KeyFigures | null }): StoredKey {
    const nowIso = new Date(this.deps.clock.now()).toISOString()
    return {
      id: keyIdOf(secret),
      label: details.label ?? this.nextDefaultLabel(),
      maskedKey: maskKey(secret),
      userId: details.userId,
      addedAt: nowIso,
      figures: details.figures ?? null,
      checkedAt: details.figures ? nowIso : null,
      lastError: null,
      failedRefreshes: 0,
      lastAttemptAt: details.figures ? nowIso : null,
      removing: false,
      accountPending: details.accountPending ?? false,
    }
  }

  private nextDefaultLabel(): string {
    const taken = new Set(this.document.keys.map((key) => key.label))
    for (let n = this.document.keys.length + 1; ; n += 1) {
      const candidate = `OpenRouter key ${n}`
      if (!taken.has(candidate)) return candidate
    }
  }

  /**
   * Stores a key: keychain first, then metadata. A crash between the two leaves an orphaned keychain item,
   * which the next start lists again; the same key saved twice stays one entry (its id is its hash).
   * A new key's metadata is staged (written and synced to a temporary file) while the keychain write runs, and
   * committed (renamed into place) only once the keychain holds the key, so the file never names a key the keychain
   * lacks. The key is stored, and this resolves, once the keychain holds it: it is in the list at once, and the
   * commit follows with nobody waiting for it (a connect's "Connected" included, as the browser's "saved" already
   * did). Should the app stop before the rename, the next start lists the key again from the keychain; should the
   * write fail, the list's notices say so and the next write of the file carries the key.
   */
  saveKey(secret: string, details: NewKeyDetails): Promise<StoredKey> {
    const saving = this.storeKey(secret, details)
    // Tracked from the start, so that flush (the app's quit) waits for a save under way as well as its file write.
    const whole = saving.then(
      ({ written }) => written,
      () => {},
    )
    this.savesUnderWay.add(whole)
    void whole.finally(() => this.savesUnderWay.delete(whole))
    return saving.then(({ record }) => record)
  }

  /** saveKey's work: the stored record once the keychain holds the key, and the file write that follows. */
  private async storeKey(secret: string, details: NewKeyDetails): Promise<{ record: StoredKey; written: Promise<void> }> {
    await this.reconciled
    const id = keyIdOf(secret)
    const pendingFigures = Promise.resolve(details.figures ?? null).catch(() => null)
    const namedByFigures = details.label === undefined && details.labelFromFigures === true
    // A slow OpenRouter never keeps a key out of the metadata for long: figures come later by refresh. A key named
    // after its figures waits for them (bounded by the request timeout); it is in the keychain already.
    const figuresWait = namedByFigures
      ? pendingFigures
      : Promise.race([pendingFigures, new Promise<null>((resolve) => this.deps.clock.setTimeout(() => resolve(null), FIGURES_GRACE_MS))])
    const keychainWrite = this.deps.vault.set(id, secret)
    // Its failure is reported below (awaited); a failing listener never becomes an unhandled rejection.
    keychainWrite.then(() => details.onSecretStored?.()).catch(() => {})
    // A keychain that refuses the key is reported at once, not after the figures.
    const figures = await Promise.race([figuresWait, keychainWrite.then(() => figuresWait)])
    if (this.document.keys.some((key) => key.id === id)) {
      await keychainWrite
      return { record: await this.updateStoredKey(id, details, figures), written: Promise.resolve() }
    }
    const remoteLabel = namedByFigures ? cleanLabel(figures?.remoteLabel ?? '') : ''
    const record = this.newRecord(secret, { ...details, ...(remoteLabel ? { label: remoteLabel } : {}), figures })
    const makesDefault = this.document.defaultKeyId === null && !record.accountPending
    const withRecord: MetadataDocument = { ...this.document, keys: [...this.document.keys, record], defaultKeyId: makesDefault ? id : this.document.defaultKeyId }
    const announcement = this.newAnnouncements(withRecord)
    const staged = this.deps.metadata.stage({ ...withRecord, announcedWarnings: announcement.ids })
    try {
      await keychainWrite
    } catch (error) {
      await staged.discard()
      throw error
    }
    this.missingSecrets.delete(id)
    this.malformedSecrets.delete(id)
    if (this.document.keys.some((key) => key.id === id)) {
      // The same key was saved by another call meanwhile: one entry, updated.
      await staged.discard()
      return { record: await this.updateStoredKey(id, details, figures), written: Promise.resolve() }
    }
    this.document.keys.push(record)
    if (makesDefault && this.document.defaultKeyId === null) this.document.defaultKeyId = id
    this.document.announcedWarnings = announcement.ids
    if (announcement.notification) this.deps.notifier.notify(announcement.notification.title, announcement.notification.body)
    const written = this.commitNewKey(staged)
    this.scheduleEmit()
    this.deps.logger.info('key stored', { keyId: id.slice(0, 12) })
    return { record, written }
  }

  /** A new key's metadata file write, after the keychain took the key (see saveKey). Never rejects. */
  private async commitNewKey(staged: StagedSave): Promise<void> {
    try {
      // Another save since staging makes the staged file stale: the whole current document is written instead.
      if (!(await staged.commit())) await this.deps.metadata.save(this.document)
      this.fileWritten()
    } catch (error) {
      this.deps.logger.error('the key list file could not be written after a new key was stored', { error })
      const reason = (error as NodeJS.ErrnoException | null)?.code
      this.unwrittenFileNotice = `The key list file could not be written${reason ? ` (${reason})` : ''}. Your new key is safe in your keychain and stays listed; the file is written again at the next change.`
      this.scheduleEmit()
    }
  }

  /** Resolves once every save and metadata write under way is done: new keys' file writes, which nobody waits for, included. */
  async flush(): Promise<void> {
    do {
      await Promise.all(this.savesUnderWay)
      await this.deps.metadata.flush()
    } while (this.savesUnderWay.size > 0)
  }

  /** A key saved again (pasted twice, or saved by two calls at once): its entry is kept and brought up to date. */
  private async updateStoredKey(id: string, details: NewKeyDetails, figures: KeyFigures | null): Promise<StoredKey> {
    this.missingSecrets.delete(id)
    this.malformedSecrets.delete(id)
    const existing = this.find(id)
    existing.removing = false
    if (figures) this.applyFigures(existing, figures)
    if (details.userId && !existing.userId) existing.userId = details.userId
    await this.persistAndAnnounce()
    return existing
  }

  /** The secret of a stored key, for main-process use only (copy, mint). */
  async secretOf(keyId: string): Promise<string> {
    await this.reconciled
    const key = this.find(keyId)
    const secret = await this.deps.vault.get(key.id)
    if (secret === null) {
      this.missingSecrets.add(key.id)
      this.scheduleEmit()
      throw new AppFailure('keychain-failed', 'This key is no longer in your keychain.', 'Remove it here, or add it again.')
    }
    return secret
  }

  async refresh(keyId: string): Promise<KeyView> {
    const key = this.find(keyId)
    const secret = await this.secretOf(key.id)
    await this.refreshOne(key, secret)
    await this.persistAndAnnounce()
    return this.view(keyId)
  }

  async refreshAll(mode: RefreshMode): Promise<KeyListView> {
    await this.reconciled
    const now = this.deps.clock.now()
    const due = this.document.keys.filter((key) => {
      if (key.removing || this.refreshing.has(key.id)) return false
      if (mode === 'manual' || !key.lastAttemptAt) return true
      // A rate-limited key comes back at the time OpenRouter named, not on the failure backoff.
      const retryAt = key.lastError?.code === 'rate-limited' && key.lastError.retryAt ? Date.parse(key.lastError.retryAt) : Number.NaN
      if (!Number.isNaN(retryAt)) return now >= retryAt
      return now - Date.parse(key.lastAttemptAt) >= refreshBackoffMs(key.failedRefreshes)
    })
    if (due.length === 0) return this.list()
    // One keychain read for the whole list, never one per key.
    const secrets = new Map((await this.deps.vault.list()).map((item) => [item.account, item.secret]))
    const pace = new RefreshPace(this.deps.clock)
    await runWithConcurrency(due, this.concurrency, async (key) => {
      const secret = secrets.get(key.id)
      if (secret === undefined) {
        this.missingSecrets.add(key.id)
        return
      }
      this.missingSecrets.delete(key.id)
      const first = await pace.run(() => this.refreshOne(key, secret))
      if (!first.sent) return this.markRateLimited(key, pace.resumeAt)
      if (first.value?.code !== 'rate-limited') return
      // Everyone pauses until OpenRouter's time, then this key is tried once more, one request at a time.
      pace.slowDown(first.value.retryAt)
      const second = await pace.run(() => this.refreshOne(key, secret))
      if (!second.sent) this.markRateLimited(key, pace.resumeAt)
    })
    await this.persistAndAnnounce()
    return this.list()
  }

  /** A key not sent because the pool is paused for a 429: its figures stay, its status says when it is retried. */
  private markRateLimited(key: StoredKey, retryAt: string): void {
    key.lastError = { code: 'rate-limited', message: 'OpenRouter is rate limiting the app (429).', hint: 'The app tries again at the time shown.', retryAt }
    key.lastAttemptAt = new Date(this.deps.clock.now()).toISOString()
    this.scheduleEmit()
  }

  /** The refresh's failure, or null when the figures were updated. */
  private async refreshOne(key: StoredKey, secret: string): Promise<AppError | null> {
    this.refreshing.add(key.id)
    this.scheduleEmit()
    const attemptAt = new Date(this.deps.clock.now()).toISOString()
    try {
      const figures = await this.deps.gateway.getKeyFigures(secret)
      this.applyFigures(key, figures)
      return null
    } catch (error) {
      const appError: AppError = isAppFailure(error)
        ? error.appError
        : { code: 'internal', message: 'The key could not be checked.' }
      key.lastError = appError
      // A 429 is not the key's failure: it must not push the key's automatic refreshes back.
      if (appError.code !== 'rate-limited') key.failedRefreshes += 1
      this.deps.logger.warn('key refresh failed', { keyId: key.id.slice(0, 12), code: appError.code })
      return appError
    } finally {
      key.lastAttemptAt = attemptAt
      this.refreshing.delete(key.id)
      this.scheduleEmit()
    }
  }

  private applyFigures(key: StoredKey, figures: KeyFigures): void {
    const now = this.deps.clock.now()
    const nowIso = new Date(now).toISOString()
    this.deps.onFigures?.(key.id, figures, now)
    key.figures = figures
    key.checkedAt = nowIso
    key.lastAttemptAt = nowIso
    key.lastError = null
    key.failedRefreshes = 0
  }

  async rename(keyId: string, label: string): Promise<KeyView> {
    const key = this.find(keyId)
    const cleaned = cleanLabel(label, Number.MAX_SAFE_INTEGER)
    if (cleaned.length === 0 || Array.from(cleaned).length > MAX_LABEL_LENGTH) {
      throw new AppFailure('invalid-argument', `A label needs 1 to ${MAX_LABEL_LENGTH} characters.`)
    }
    key.label = cleaned
    await this.persist()
    return this.view(keyId)
  }

  async setDefault(keyId: string): Promise<KeyListView> {
    const key = this.find(keyId)
    // Choosing a key as the default is an explicit confirmation of its account.
    key.accountPending = false
    this.document.defaultKeyId = keyId
    await this.persist()
    return this.list()
  }

  /** The manual order: ids not named keep their relative order after the named ones. */
  async reorder(keyIds: string[]): Promise<KeyListView> {
    const byId = new Map(this.document.keys.map((key) => [key.id, key]))
    if (keyIds.some((id) => !byId.has(id)) || new Set(keyIds).size !== keyIds.length) {
      throw new AppFailure('invalid-argument', 'The new order names keys that are not stored.', 'Refresh the list.')
    }
    const named = keyIds.map((id) => byId.get(id)!)
    const rest = this.document.keys.filter((key) => !keyIds.includes(key.id))
    this.document.keys = [...named, ...rest]
    await this.persist()
    return this.list()
  }

  async updateSettings(patch: Partial<Settings>): Promise<KeyListView> {
    this.document.settings = { ...this.document.settings, ...patch }
    await this.persistAndAnnounce()
    return this.list()
  }

  /**
   * The person confirms that a key of another account is theirs (see `accountPending`): the warning goes, and it
   * becomes the default if there is none.
   */
  async confirmAccount(keyId: string): Promise<KeyListView> {
    const key = this.find(keyId)
    key.accountPending = false
    if (this.document.defaultKeyId === null) this.document.defaultKeyId = key.id
    await this.persistAndAnnounce()
    return this.list()
  }

  /**
   * Whether a new key's account differs from the accounts of the keys already stored (confirmed ones only). An
   * unknown account differs from known ones; with no known account yet nothing can differ.
   */
  isForeignAccount(userId: string | null): boolean {
    const known = new Set<string>()
    for (const key of this.document.keys) {
      const account = key.userId ?? key.figures?.creatorUserId ?? null
      if (account !== null && !key.accountPending && !key.removing) known.add(account)
    }
    return known.size > 0 && (userId === null || !known.has(userId))
  }

  /** Removes from this device only: the key stays valid on OpenRouter until revoked there. */
  async remove(keyId: string): Promise<KeyListView> {
    await this.reconciled
    const key = this.find(keyId)
    key.removing = true
    await this.persist()
    try {
      await this.deps.vault.delete(key.id)
    } catch (error) {
      key.removing = false
      await this.persist()
      throw error
    }
    this.document.keys = this.document.keys.filter((other) => other.id !== key.id)
    this.missingSecrets.delete(key.id)
    if (this.document.defaultKeyId === key.id) this.document.defaultKeyId = this.document.keys[0]?.id ?? null
    await this.persistAndAnnounce()
    return this.list()
  }

  /** OpenRouter's page for this key (signed-in owners only), where it can be revoked. */
  async openRevokePage(keyId: string, origin: string): Promise<void> {
    const key = this.find(keyId)
    await this.deps.opener.openExternal(`${origin}/keys/${key.id}`)
  }

  private async persist(): Promise<void> {
    await this.deps.metadata.save(this.document)
    this.fileWritten()
    this.scheduleEmit()
  }

  /** The file holds the whole list again (every write is of the whole document): a failed new key's write is behind us. */
  private fileWritten(): void {
    if (this.unwrittenFileNotice === null) return
    this.unwrittenFileNotice = null
    this.scheduleEmit()
  }

  private async persistAndAnnounce(): Promise<void> {
    this.announceNewWarnings()
    await this.persist()
  }

  /** Desktop notification once per condition; a condition that clears can be announced again if it recurs. */
  private announceNewWarnings(): void {
    const { notification, ids } = this.newAnnouncements(this.document)
    if (notification) this.deps.notifier.notify(notification.title, notification.body)
    this.document.announcedWarnings = ids
  }

  /** The notification a document's warnings call for (those not announced yet), and the ids to remember. */
  private newAnnouncements(document: MetadataDocument): { notification: ReturnType<typeof notificationFor>; ids: string[] } {
    const current = deriveWarnings(
      document.keys.filter((key) => !key.removing),
      document.settings,
      this.deps.clock.now(),
      this.missingSecrets,
    )
    const announced = new Set(document.announcedWarnings)
    return { notification: notificationFor(current.filter((warning) => !announced.has(warning.id))), ids: current.map((warning) => warning.id) }
  }

  /** Coalesces bursts (a refresh of 500 keys) into a few change events. */
  private scheduleEmit(): void {
    if (this.emitTimer) return
    this.emitTimer = this.deps.clock.setTimeout(() => {
      this.emitTimer = null
      const view = this.list()
      for (const listener of this.listeners) listener(view)
    }, CHANGE_COALESCE_MS)
  }
}
