// Account mode: with a management key stored, every key of the account, its balance, and real management actions
// (revoke, disable/enable, edit, create, rotate), each through the management gateway (the only code that sends the
// management key). The key itself stays in the keychain and in opaque ManagementKey objects; the renderer gets its
// mask, its label and figures.
import type {
  AccountCredits,
  AccountKeyEdit,
  AccountKeyRef,
  AccountKeyView,
  AccountSpend,
  AccountView,
  AppError,
  CreateAccountKeyRequest,
  KeyFigures,
  KeyView,
  ManagementKeyView,
  Settings,
  SpendSeries,
} from '../../../preload/contract'
import { LIMIT_CEILING_USD } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import { runWithConcurrency } from '../base/concurrency'
import type { Logger } from '../base/logger'
import type { Clock } from '../base/ports'
import { ActivityCache } from '../history/activity-cache'
import { forecastSpend } from '../history/forecast'
import type { SpendHistory } from '../history/spend-history'
import { completedUtcDays } from '../history/utc-days'
import { keyIdOf } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import { deriveStatus } from '../keys/key-status'
import { cleanLabel, MAX_LABEL_LENGTH } from '../keys/labels'
import type { SecretVault } from '../keys/secret-vault'
import type { KeyIntake } from '../new-keys/key-intake'
import type { AccountKey, AccountKeyListing, ActivityRow, KeyCheck, ManagementGateway } from '../openrouter/management-gateway'
import { ManagementKey } from '../openrouter/management-key'
import { matchAccountKeys, parseMaskedLabel, type DeviceMatch } from './account-matching'
import type { AccountDocument, AccountStore } from './account-store'

/** Per-key activity requests in flight at once. */
const ACTIVITY_CONCURRENCY = 3
/** Series drawn in the account chart; the rest are summed into one. */
const CHART_SERIES = 8

export interface AccountServiceDeps {
  store: AccountStore
  gateway: ManagementGateway
  keys: KeyService
  vault: SecretVault
  intake: Pick<KeyIntake, 'accept'>
  history: SpendHistory
  /** Where a created key goes if the keychain refuses it, so it is never dropped (the connect panel's Save again / Copy). */
  holdUnsavedKey(secret: string, userId: string | null, label: string, error: unknown): void
  assertCanHoldKey(): void
  clock: Clock
  logger: Logger
}

interface Target {
  hash: string
  accountKey: AccountKey | null
  deviceKeyId: string | null
}

export class AccountService {
  private readonly listeners = new Set<(view: AccountView) => void>()
  private readonly activity: ActivityCache
  private managementKeyLoad: Promise<ManagementKey | null> | null = null
  private listing: AccountKeyListing | null = null
  private credits: AccountCredits | null = null
  private matches = new Map<string, DeviceMatch>()
  private refreshing: Promise<AccountView> | null = null
  private checkedAt: string | null = null
  private lastError: AppError | null = null

  private constructor(
    private readonly deps: AccountServiceDeps,
    private document: AccountDocument,
    readonly notices: string[],
  ) {
    this.activity = new ActivityCache(deps.clock)
  }

  static async open(deps: AccountServiceDeps): Promise<AccountService> {
    const { document, notices } = await deps.store.load()
    return new AccountService(deps, document, notices)
  }

  onChange(listener: (view: AccountView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): AccountView {
    const view = this.state()
    for (const listener of this.listeners) listener(view)
    return view
  }

  private async save(): Promise<void> {
    await this.deps.store.save(this.document)
  }

  /** The stored management key (read from the keychain once, lazily), or null. */
  managementKey(): Promise<ManagementKey | null> {
    if (this.document.managementKey === null) return Promise.resolve(null)
    this.managementKeyLoad ??= this.deps.store.readManagementKey().catch((error: unknown) => {
      this.managementKeyLoad = null
      throw error
    })
    return this.managementKeyLoad
  }

  get hasManagementKey(): boolean {
    return this.document.managementKey !== null
  }

  private async requireManagementKey(): Promise<ManagementKey> {
    const key = await this.managementKey()
    if (!key) {
      throw new AppFailure('not-found', 'No management key is stored.', 'Add a management key first (Settings → Add management key…).')
    }
    return key
  }

  // ---- The view ------------------------------------------------------------------------------------------------

  state(): AccountView {
    const now = this.deps.clock.now()
    const stored = this.deps.keys.list()
    const storedIds = new Set(stored.keys.map((key) => key.id))
    const listing = this.listing
    const workspaces = listing?.workspaces ?? []
    const workspaceNames = new Map(workspaces.map((workspace) => [workspace.id, workspace.name]))
    const keys: AccountKeyView[] = (listing?.keys ?? []).map((key) => {
      const match = this.matches.get(key.hash)
      const deviceKeyId = match && storedIds.has(match.keyId) ? match.keyId : null
      return {
        hash: key.hash,
        name: cleanLabel(key.name),
        label: cleanLabel(key.label),
        workspaceId: key.workspaceId,
        workspaceName: workspaces.length > 1 ? cleanLabel(workspaceNames.get(key.workspaceId) ?? key.workspaceId) : null,
        disabled: key.disabled,
        limit: key.limit,
        limitRemaining: key.limitRemaining,
        limitReset: key.limitReset,
        includeByokInLimit: key.includeByokInLimit,
        usage: key.usage,
        usageDaily: key.usageDaily,
        usageWeekly: key.usageWeekly,
        usageMonthly: key.usageMonthly,
        byokUsage: key.byokUsage,
        createdAt: key.createdAt,
        expiresAt: key.expiresAt,
        deviceKeyId,
        matchedBy: deviceKeyId ? match!.rule : null,
        status: accountKeyStatus(key, stored.settings, now),
      }
    })
    return {
      managementKey: this.document.managementKey,
      credits: this.credits,
      keys,
      workspaces: workspaces.map(({ id, name }) => ({ id, name: cleanLabel(name) })),
      complete: listing?.complete ?? false,
      listingProblem: listingProblemOf(listing),
      goneFromAccount: this.goneFromAccount(stored.keys),
      revokedStillStored: this.document.revokedStillStored.filter((id) => storedIds.has(id)),
      pendingRotations: this.document.pendingRotations.map(({ oldHash, oldName, newKeyId, startedAt }) => ({ oldHash, oldName, newKeyId, startedAt })),
      refreshing: this.refreshing !== null,
      checkedAt: this.checkedAt,
      lastError: this.lastError,
    }
  }

  /**
   * Stored keys of the management key's account that a complete listing of every workspace does not hold: deleted or
   * revoked on OpenRouter. Nothing is concluded from a partial or failed listing, nor without knowing the account.
   */
  private goneFromAccount(stored: KeyView[]): string[] {
    const account = this.document.managementKey?.account ?? null
    if (!this.listing?.complete || account === null) return []
    const matched = new Set([...this.matches.values()].map((match) => match.keyId))
    return stored.filter((key) => key.userId === account && !matched.has(key.id)).map((key) => key.id)
  }

  // ---- The management key --------------------------------------------------------------------------------------

  /** From Settings: only a management key is accepted; an API key gets a clear refusal and nothing is stored. */
  async setManagementKey(pasted: string): Promise<AccountView> {
    const secret = pasted.trim()
    let check: KeyCheck
    try {
      ManagementKey.fromSecret(secret)
    } catch {
      throw new AppFailure('invalid-argument', 'That does not look like an OpenRouter key (it should start with “sk-or-”).', 'Copy the whole key, without spaces or quotes.')
    }
    try {
      check = await this.deps.gateway.checkKey(secret)
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'key-rejected') {
        throw new AppFailure('key-rejected', 'OpenRouter rejected this management key (401), so it was not stored.', 'Copy it again from openrouter.ai/settings/management-keys.')
      }
      throw error
    }
    if (check.kind !== 'management') {
      throw new AppFailure(
        'invalid-argument',
        'This is an ordinary API key, not a management key, so it was not stored here.',
        'Add it with Add key, or create a management key at openrouter.ai/settings/management-keys.',
      )
    }
    await this.adoptManagementKey(check)
    return this.state()
  }

  /** Stores a key GET /key just called a management key, replacing any other (one at a time). */
  async adoptManagementKey(check: Extract<KeyCheck, { kind: 'management' }>): Promise<ManagementKeyView> {
    await this.deps.store.writeManagementKey(check.key)
    const view: ManagementKeyView = {
      maskedKey: check.key.masked,
      remoteLabel: cleanLabel(check.remoteLabel),
      account: check.creatorUserId,
      addedAt: new Date(this.deps.clock.now()).toISOString(),
    }
    const replaced = this.document.managementKey !== null
    this.document.managementKey = view
    this.managementKeyLoad = Promise.resolve(check.key)
    this.resetAccountData()
    await this.save()
    this.deps.logger.info(replaced ? 'management key replaced' : 'management key stored')
    this.emit()
    void this.refresh().catch(() => {})
    return view
  }

  /** Forgets the management key from the keychain (and what was read with it). */
  async removeManagementKey(): Promise<AccountView> {
    await this.deps.store.forgetManagementKey()
    this.document.managementKey = null
    this.managementKeyLoad = null
    this.resetAccountData()
    await this.save()
    this.deps.logger.info('management key removed')
    return this.emit()
  }

  private resetAccountData(): void {
    this.listing = null
    this.credits = null
    this.matches = new Map()
    this.checkedAt = null
    this.lastError = null
    this.activity.clear()
  }

  // ---- Reading the account -------------------------------------------------------------------------------------

  /** Balance and every key of every workspace; one refresh at a time (a second call joins the running one). */
  refresh(): Promise<AccountView> {
    this.refreshing ??= this.readAccount().finally(() => {
      this.refreshing = null
      this.emit()
    })
    return this.refreshing
  }

  private async readAccount(): Promise<AccountView> {
    const key = await this.managementKey()
    if (!key) return this.state()
    this.emit()
    const [credits, listing] = await Promise.all([
      this.deps.gateway.getCredits(key).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error: appErrorOf(error) }),
      ),
      this.deps.gateway.listAllKeys(key),
    ])
    if (credits.ok) {
      const { totalCredits, totalUsage } = credits.value
      this.credits = { totalCredits, totalUsage, balance: Math.round((totalCredits - totalUsage) * 1e6) / 1e6 }
    }
    this.lastError = credits.ok ? null : credits.error
    if (listing.workspacesError && this.listing) {
      // A failed listing changes nothing: the last one stays, marked incomplete, with the reason.
      this.listing = { ...this.listing, complete: false, workspacesError: listing.workspacesError, failedWorkspaces: [] }
    } else {
      this.listing = listing
      await this.match()
    }
    if (!listing.workspacesError || credits.ok) this.checkedAt = new Date(this.deps.clock.now()).toISOString()
    return this.state()
  }

  private async match(): Promise<void> {
    const listing = this.listing
    if (!listing) return
    const storedIds = new Set(this.deps.keys.list().keys.map((key) => key.id))
    let secrets: Map<string, string> | null = null
    const hashMatches = listing.keys.some((key) => storedIds.has(key.hash))
    if (this.document.hashRule === null && !hashMatches && storedIds.size > 0) {
      // The hash rule is not known to hold: the masked labels are compared with the stored secrets (one keychain read).
      try {
        secrets = new Map((await this.deps.vault.list()).filter((item) => storedIds.has(item.account)).map((item) => [item.account, item.secret]))
      } catch (error) {
        this.deps.logger.warn('keychain unreadable while matching account keys', { code: appErrorOf(error).code })
      }
    }
    const outcome = matchAccountKeys(listing.keys, storedIds, this.document.hashRule, secrets)
    this.matches = outcome.byHash
    if (outcome.hashRuleHeld && this.document.hashRule === null) {
      this.document.hashRule = 'sha256'
      this.deps.logger.info("OpenRouter's key hash is the key's SHA-256 (seen on this account)")
      await this.save()
    }
  }

  /**
   * Whether a new key is one of the management key's account's keys: true; false (GET /keys/{sha256} says 404 and
   * OpenRouter's hash is known to be the SHA-256); or null (no management key, or it cannot be told). Used for
   * connected and minted keys (issue 11 #1).
   */
  async isOnManagedAccount(secret: string): Promise<boolean | null> {
    const key = await this.managementKey()
    if (!key) return null
    const id = keyIdOf(secret)
    try {
      await this.deps.gateway.getKey(key, id)
      if (this.document.hashRule === null) {
        this.document.hashRule = 'sha256'
        await this.save()
      }
      return true
    } catch (error) {
      if (!isAppFailure(error) || error.appError.code !== 'not-found') return null
    }
    if (this.document.hashRule === 'sha256') return false
    // The hash rule is unknown (UNCONFIRMED): the key's masked label in the listing shows it is there, but its
    // absence proves nothing (what `label` holds for OAuth keys is UNCONFIRMED too), so no false alarm is raised.
    const listing = await this.deps.gateway.listAllKeys(key)
    const found = listing.keys.some((accountKey) => {
      const masked = parseMaskedLabel(accountKey.label)
      return masked !== null && secret.startsWith(masked.start) && secret.endsWith(masked.end)
    })
    return found ? true : null
  }

  // ---- Management actions --------------------------------------------------------------------------------------

  /** An account key by hash, or a stored key by id (matched to its hash, or asked for by its SHA-256). */
  private async resolve(key: ManagementKey, ref: AccountKeyRef): Promise<Target> {
    if ('hash' in ref) {
      const accountKey = this.listing?.keys.find((candidate) => candidate.hash === ref.hash) ?? null
      return { hash: ref.hash, accountKey, deviceKeyId: this.deviceKeyOf(ref.hash) }
    }
    this.deps.keys.view(ref.keyId) // not-found for a key that is not stored
    for (const [hash, match] of this.matches) {
      if (match.keyId === ref.keyId) return { hash, accountKey: this.listing?.keys.find((candidate) => candidate.hash === hash) ?? null, deviceKeyId: ref.keyId }
    }
    try {
      const accountKey = await this.deps.gateway.getKey(key, ref.keyId)
      this.rememberKey(accountKey, { keyId: ref.keyId, rule: 'hash' })
      return { hash: accountKey.hash, accountKey, deviceKeyId: ref.keyId }
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'not-found') {
        throw new AppFailure('not-found', "This key was not found on the management key's account.", 'Refresh the account view; it may have been revoked already.')
      }
      throw error
    }
  }

  private deviceKeyOf(hash: string): string | null {
    const match = this.matches.get(hash)
    if (!match) return null
    return this.deps.keys.list().keys.some((key) => key.id === match.keyId) ? match.keyId : null
  }

  /** Puts a key OpenRouter just described into the listing shown (replacing the old entry). */
  private rememberKey(accountKey: AccountKey, match?: DeviceMatch): void {
    if (match) this.matches.set(accountKey.hash, match)
    if (!this.listing) return
    const keys = this.listing.keys
    const index = keys.findIndex((candidate) => candidate.hash === accountKey.hash)
    this.listing = { ...this.listing, keys: index === -1 ? [accountKey, ...keys] : keys.map((candidate, at) => (at === index ? accountKey : candidate)) }
  }

  private forgetKey(hash: string): void {
    this.matches.delete(hash)
    if (this.listing) this.listing = { ...this.listing, keys: this.listing.keys.filter((candidate) => candidate.hash !== hash) }
  }

  /**
   * DELETE /keys/{hash}, then removes the key from this device. If the keychain then refuses, the row stays, marked
   * "revoked on OpenRouter, still in your keychain", with Remove.
   */
  async revoke(ref: AccountKeyRef): Promise<AccountView> {
    const key = await this.requireManagementKey()
    const target = await this.resolve(key, ref)
    await this.deps.gateway.deleteKey(key, target.hash)
    this.deps.logger.info('key revoked on OpenRouter', { hash: target.hash.slice(0, 12) })
    this.forgetKey(target.hash)
    this.document.pendingRotations = this.document.pendingRotations.filter((rotation) => rotation.oldHash !== target.hash)
    this.lastError = target.deviceKeyId ? await this.removeFromDevice(target.deviceKeyId) : null
    await this.save()
    return this.emit()
  }

  /** Removes a revoked key from this device; a keychain refusal is kept as a row with Remove, and said. */
  private async removeFromDevice(keyId: string): Promise<AppError | null> {
    try {
      await this.deps.keys.remove(keyId)
      this.deps.history.forget(keyId)
      this.document.revokedStillStored = this.document.revokedStillStored.filter((id) => id !== keyId)
      return null
    } catch (error) {
      if (!this.document.revokedStillStored.includes(keyId)) this.document.revokedStillStored.push(keyId)
      const reason = appErrorOf(error)
      return {
        code: reason.code,
        message: `The key was revoked on OpenRouter, but your keychain refused to delete it here: ${reason.message}`,
        hint: 'It is kept as “revoked on OpenRouter, still in your keychain”; use Remove to try again.',
      }
    }
  }

  async setDisabled(ref: AccountKeyRef, disabled: boolean): Promise<AccountView> {
    const key = await this.requireManagementKey()
    const target = await this.resolve(key, ref)
    const updated = await this.deps.gateway.updateKey(key, target.hash, { disabled })
    this.afterChange(updated, target)
    return this.emit()
  }

  async edit(ref: AccountKeyRef, edit: AccountKeyEdit): Promise<AccountView> {
    const patch = validateEdit(edit)
    const key = await this.requireManagementKey()
    const target = await this.resolve(key, ref)
    const updated = await this.deps.gateway.updateKey(key, target.hash, patch)
    this.afterChange(updated, target)
    return this.emit()
  }

  /** The changed key replaces its row; the stored key (if here) is checked again so its card follows. */
  private afterChange(updated: AccountKey, target: Target): void {
    this.rememberKey(updated, target.deviceKeyId ? this.matches.get(target.hash) ?? { keyId: target.deviceKeyId, rule: 'hash' } : undefined)
    this.lastError = null
    if (target.deviceKeyId) void this.deps.keys.refresh(target.deviceKeyId).catch(() => {})
  }

  /** POST /keys: the plaintext comes back once, so it goes straight to the keychain, or is held (never dropped). */
  async create(request: CreateAccountKeyRequest): Promise<KeyView> {
    const valid = validateCreate(request, this.deps.clock.now())
    const key = await this.requireManagementKey()
    this.deps.assertCanHoldKey()
    const created = await this.deps.gateway.createKey(key, {
      name: valid.name,
      limit: valid.limit,
      limitReset: valid.limitReset,
      expiresAt: valid.expiresAt,
      includeByokInLimit: valid.includeByokInLimit,
      ...(valid.workspaceId === null ? {} : { workspaceId: valid.workspaceId }),
    })
    const stored = await this.storeCreated(created.secret, created.key, valid.name)
    this.emit()
    return stored
  }

  private async storeCreated(secret: string, accountKey: AccountKey | null, name: string): Promise<KeyView> {
    const userId = accountKey?.creatorUserId ?? this.document.managementKey?.account ?? null
    let storedId: string
    try {
      storedId = (await this.deps.intake.accept(secret, { origin: 'create', userId, label: name })).stored.id
    } catch (error) {
      this.deps.holdUnsavedKey(secret, userId, name, error)
      const reason = appErrorOf(error)
      throw new AppFailure(reason.code, `The new key was created but could not be saved: ${reason.message}`, 'Use Save again or Copy key in the connection panel.', { cause: error })
    }
    // The key is known for sure: whichever rule OpenRouter's hash follows, this row is this stored key.
    if (accountKey) this.rememberKey(accountKey, { keyId: storedId, rule: accountKey.hash === storedId ? 'hash' : 'label' })
    try {
      return await this.deps.keys.refresh(storedId)
    } catch {
      return this.deps.keys.view(storedId)
    }
  }

  /**
   * A replacement with the same name, limit, reset, expiry, BYOK setting and workspace, stored (and made the default
   * if the old one was); the old key is revoked only by finishRotation, after the person confirms.
   */
  async rotate(ref: AccountKeyRef): Promise<AccountView> {
    const key = await this.requireManagementKey()
    const target = await this.resolve(key, ref)
    if (this.document.pendingRotations.some((rotation) => rotation.oldHash === target.hash)) {
      throw new AppFailure('busy', 'This key is already being rotated.', 'Confirm the revoke of the old key, or revoke it later.')
    }
    const old = target.accountKey ?? (await this.deps.gateway.getKey(key, target.hash))
    if (old.expiresAt !== null && Date.parse(old.expiresAt) <= this.deps.clock.now()) {
      throw new AppFailure('invalid-argument', 'This key has expired, so a replacement with the same expiry cannot be made.', 'Create a new key instead.')
    }
    this.deps.assertCanHoldKey()
    const wasDefault = target.deviceKeyId !== null && this.deps.keys.list().keys.some((stored) => stored.id === target.deviceKeyId && stored.isDefault)
    const created = await this.deps.gateway.createKey(key, {
      name: old.name,
      limit: old.limit,
      limitReset: old.limitReset,
      // Whole seconds, as every expiry the app sends.
      expiresAt: old.expiresAt === null ? null : new Date(Math.floor(Date.parse(old.expiresAt) / 1000) * 1000),
      includeByokInLimit: old.includeByokInLimit,
      workspaceId: old.workspaceId,
    })
    const newKeyId = keyIdOf(created.secret)
    // Recorded before the save: a replacement held in memory (keychain refused) is still the rotation's new key.
    this.document.pendingRotations.push({
      oldHash: old.hash,
      oldName: cleanLabel(old.name),
      newKeyId,
      startedAt: new Date(this.deps.clock.now()).toISOString(),
      oldKeyId: target.deviceKeyId,
    })
    await this.save()
    await this.storeCreated(created.secret, created.key, cleanLabel(old.name) || 'Rotated key')
    if (wasDefault) await this.deps.keys.setDefault(newKeyId)
    this.deps.logger.info('key rotated; the old key waits for confirmation', { hash: old.hash.slice(0, 12) })
    return this.emit()
  }

  /** The person confirmed: the old key of a rotation is revoked. If that fails, both keys are kept and it is said. */
  async finishRotation(oldHash: string): Promise<AccountView> {
    const rotation = this.document.pendingRotations.find((candidate) => candidate.oldHash === oldHash)
    if (!rotation) throw new AppFailure('not-found', 'There is no rotation waiting for that key.', 'Refresh the account view.')
    const key = await this.requireManagementKey()
    try {
      await this.deps.gateway.deleteKey(key, oldHash)
    } catch (error) {
      const reason = appErrorOf(error)
      throw new AppFailure(reason.code, `The old key could not be revoked: ${reason.message} Both keys are kept.`, reason.hint ?? 'Try again later.', {
        cause: error,
        ...(reason.retryAt === undefined ? {} : { retryAt: reason.retryAt }),
      })
    }
    this.forgetKey(oldHash)
    this.document.pendingRotations = this.document.pendingRotations.filter((candidate) => candidate !== rotation)
    const storedOld = rotation.oldKeyId !== null && this.deps.keys.list().keys.some((stored) => stored.id === rotation.oldKeyId)
    this.lastError = storedOld ? await this.removeFromDevice(rotation.oldKeyId!) : null
    await this.save()
    return this.emit()
  }

  // ---- Spend ---------------------------------------------------------------------------------------------------

  /** Per key, the last 30 completed UTC days: from /activity with a management key, else from the local history. */
  async spend(refs: AccountKeyRef[]): Promise<SpendSeries[]> {
    const now = this.deps.clock.now()
    const days = completedUtcDays(now)
    const key = await this.managementKey()
    const stored = this.deps.keys.list()
    const results: SpendSeries[] = new Array<SpendSeries>(refs.length)
    await runWithConcurrency(
      refs.map((ref, index) => ({ ref, index })),
      ACTIVITY_CONCURRENCY,
      async ({ ref, index }) => {
        const hash = 'hash' in ref ? ref.hash : this.hashOfStored(ref.keyId)
        const deviceKeyId = 'keyId' in ref ? ref.keyId : this.deviceKeyOf(ref.hash)
        const accountKey = hash === null ? null : (this.listing?.keys.find((candidate) => candidate.hash === hash) ?? null)
        const figures: Pick<KeyFigures, 'limit' | 'limitRemaining' | 'limitReset'> | null =
          accountKey ?? stored.keys.find((candidate) => candidate.id === deviceKeyId)?.figures ?? null
        let usage: Array<number | null> | null = null
        let source: SpendSeries['source'] = 'local-history'
        if (key && hash !== null) {
          const rows = await this.activity.rows(hash, () => this.deps.gateway.getActivity(key, { apiKeyHash: hash })).catch(() => null)
          if (rows) {
            usage = dailyTotals(rows, days)
            source = 'activity'
          }
        }
        usage ??= deviceKeyId ? this.deps.history.dailySpend(deviceKeyId, days) : days.map(() => null)
        const series = days.map((date, at) => ({ date, usage: usage[at] ?? null }))
        results[index] = {
          ref,
          days: series,
          source,
          forecast: forecastSpend({
            days: series,
            limit: figures?.limit ?? null,
            limitRemaining: figures?.limitRemaining ?? null,
            limitReset: figures?.limitReset ?? null,
            now,
          }),
        }
      },
    )
    return results
  }

  /** A stored key's OpenRouter hash: matched, or its own SHA-256 once that rule is known to hold. */
  private hashOfStored(keyId: string): string | null {
    for (const [hash, match] of this.matches) if (match.keyId === keyId) return hash
    return this.document.hashRule === 'sha256' ? keyId : null
  }

  /** The account chart: by model from the account's /activity, by key from what is known per key. */
  async spendChart(groupBy: 'key' | 'model'): Promise<AccountSpend> {
    const days = completedUtcDays(this.deps.clock.now())
    const key = await this.managementKey()
    const series: Array<{ name: string; usage: Array<number | null> }> = []
    if (groupBy === 'model') {
      const rows = key ? await this.activity.rows('*', () => this.deps.gateway.getActivity(key)).catch(() => null) : null
      const byModel = new Map<string, ActivityRow[]>()
      for (const row of rows ?? []) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row])
      for (const [model, modelRows] of byModel) series.push({ name: cleanLabel(model), usage: dailyTotals(modelRows, days) })
    } else {
      const shown = new Set<string>()
      // Activity rows carry no key, so each key costs one request: the keys that spent most this month are fetched
      // (cached per UTC day, backing off on 429), the rest only if their details were opened already.
      const topSpenders = new Set(
        [...(this.listing?.keys ?? [])]
          .filter((accountKey) => accountKey.usageMonthly > 0)
          .sort((a, b) => b.usageMonthly - a.usageMonthly)
          .slice(0, CHART_SERIES)
          .map((accountKey) => accountKey.hash),
      )
      for (const accountKey of this.listing?.keys ?? []) {
        const rows =
          this.activity.peek(accountKey.hash) ??
          (key && topSpenders.has(accountKey.hash)
            ? await this.activity.rows(accountKey.hash, () => this.deps.gateway.getActivity(key, { apiKeyHash: accountKey.hash })).catch(() => null)
            : null)
        if (!rows) continue
        series.push({ name: cleanLabel(accountKey.name) || cleanLabel(accountKey.label), usage: dailyTotals(rows, days) })
        const device = this.deviceKeyOf(accountKey.hash)
        if (device) shown.add(device)
      }
      for (const stored of this.deps.keys.list().keys) {
        if (shown.has(stored.id)) continue
        const usage = this.deps.history.dailySpend(stored.id, days)
        if (usage.some((value) => value !== null)) series.push({ name: stored.label, usage })
      }
    }
    return { groupBy, days, series: topSeries(series, groupBy === 'model' ? 'Other models' : 'Other keys') }
  }
}

// ---- Pure helpers --------------------------------------------------------------------------------------------------

function appErrorOf(error: unknown): AppError {
  return isAppFailure(error) ? error.appError : { code: 'internal', message: 'Something went wrong.', hint: 'Try again.' }
}

function listingProblemOf(listing: AccountKeyListing | null): AppError | null {
  if (!listing || listing.complete) return null
  const cause = listing.workspacesError ?? listing.failedWorkspaces[0]?.error ?? null
  const what = listing.workspacesError ? "The account's workspaces could not be listed" : "Some of the account's keys could not be listed"
  return {
    code: cause?.code ?? 'bad-response',
    message: `${what}${cause ? `: ${cause.message}` : '.'} Nothing is concluded from an incomplete list.`,
    hint: cause?.hint ?? 'Refresh to try again.',
    ...(cause?.retryAt === undefined ? {} : { retryAt: cause.retryAt }),
  }
}

/** An account key's status, judged like a stored key's; a disabled key cannot be used. */
function accountKeyStatus(key: AccountKey, settings: Settings, now: number): AccountKeyView['status'] {
  if (key.disabled) return { kind: 'rejected', reason: 'Disabled on OpenRouter: requests with it are refused until it is enabled.' }
  const figures: KeyFigures = {
    remoteLabel: key.label,
    limit: key.limit,
    limitRemaining: key.limitRemaining,
    limitReset: key.limitReset,
    usage: key.usage,
    usageDaily: key.usageDaily,
    usageWeekly: key.usageWeekly,
    usageMonthly: key.usageMonthly,
    byokUsage: key.byokUsage,
    byokUsageMonthly: key.byokUsageMonthly,
    includeByokInLimit: key.includeByokInLimit,
    isFreeTier: false,
    freeModelDailyRequests: null,
    expiresAt: key.expiresAt,
    creatorUserId: key.creatorUserId,
  }
  return deriveStatus({ figures, lastError: null }, settings, now)
}

/**
 * Spend per day from /activity rows. /activity answers every one of the last 30 completed UTC days, so a day without
 * rows had no spend ($0); a day with no answer at all is a gap (the caller passes no rows then).
 */
function dailyTotals(rows: readonly ActivityRow[], days: readonly string[]): number[] {
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(row.date.slice(0, 10), (totals.get(row.date.slice(0, 10)) ?? 0) + row.usage)
  return days.map((day) => Math.round((totals.get(day) ?? 0) * 1e6) / 1e6)
}

function topSeries(series: Array<{ name: string; usage: Array<number | null> }>, otherName: string): AccountSpend['series'] {
  const total = (usage: Array<number | null>) => usage.reduce<number>((sum, value) => sum + (value ?? 0), 0)
  const sorted = [...series].sort((a, b) => total(b.usage) - total(a.usage))
  if (sorted.length <= CHART_SERIES) return sorted
  const rest = sorted.slice(CHART_SERIES - 1)
  const other = rest[0]!.usage.map((_, day) => {
    const values = rest.map((entry) => entry.usage[day] ?? null).filter((value): value is number => value !== null)
    return values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) * 1e6) / 1e6
  })
  return [...sorted.slice(0, CHART_SERIES - 1), { name: otherName, usage: other }]
}

function validName(name: string): string {
  const cleaned = cleanLabel(name, Number.MAX_SAFE_INTEGER)
  if (cleaned.length === 0 || Array.from(cleaned).length > MAX_LABEL_LENGTH) {
    throw new AppFailure('invalid-argument', `A name needs 1 to ${MAX_LABEL_LENGTH} characters.`)
  }
  return cleaned
}

function validLimit(limit: number | null): number | null {
  if (limit === null) return null
  if (!Number.isFinite(limit) || limit <= 0 || limit > LIMIT_CEILING_USD) {
    throw new AppFailure('invalid-argument', `The credit limit must be more than $0 and at most $${LIMIT_CEILING_USD.toLocaleString('en-US')}.`)
  }
  return limit
}

/** The same rules the forms apply, again in main: the renderer is not trusted. */
export function validateEdit(edit: AccountKeyEdit): AccountKeyEdit {
  const patch: AccountKeyEdit = {}
  if (edit.name !== undefined) patch.name = validName(edit.name)
  if (edit.limit !== undefined) patch.limit = validLimit(edit.limit)
  if (edit.limitReset !== undefined) patch.limitReset = edit.limitReset
  if (edit.includeByokInLimit !== undefined) patch.includeByokInLimit = edit.includeByokInLimit
  if (Object.keys(patch).length === 0) throw new AppFailure('invalid-argument', 'Nothing to change.')
  return patch
}

export function validateCreate(request: CreateAccountKeyRequest, now: number): Omit<CreateAccountKeyRequest, 'expiresAt'> & { expiresAt: Date | null } {
  let expiresAt: Date | null = null
  if (request.expiresAt !== null) {
    const at = Date.parse(request.expiresAt)
    if (Number.isNaN(at) || at <= now) throw new AppFailure('invalid-argument', 'The expiry must be in the future.')
    // Whole seconds, as for minted keys.
    expiresAt = new Date(Math.floor(at / 1000) * 1000)
  }
  return {
    name: validName(request.name),
    limit: validLimit(request.limit),
    limitReset: request.limitReset,
    expiresAt,
    includeByokInLimit: request.includeByokInLimit,
    workspaceId: request.workspaceId,
  }
}
