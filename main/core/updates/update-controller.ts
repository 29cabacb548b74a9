// Drives the updater by the policy: checks on start and when due, shows only what the person can act on
// ("ready", or "available" where the build cannot install), keeps failed checks quiet (logged), and restarts
// only when nothing would be lost. The updater itself (electron-updater in the app) sits behind UpdaterPort.
import type { UpdateStatus } from '../../../preload/contract'
import { AppFailure } from '../base/app-failure'
import type { Logger } from '../base/logger'
import type { Clock } from '../base/ports'
import { isCheckDue, restartVerdict, UPDATE_TICK_MS, type WorkInProgress } from './update-policy'

export interface UpdaterPort {
  /**
   * Asks the feed. Resolves with the newer version it offers (whose download then starts in the background,
   * when the build installs updates itself), or null when this version is the newest. Rejects when the feed
   * cannot be reached or read.
   */
  check(): Promise<{ newerVersion: string | null }>
  /** Quits the app and runs the downloaded installer. */
  quitAndInstall(): void
}

/** 'install': download and offer a restart. 'announce': only say a version exists (the deb: no apt repository). */
export type UpdateMode =
  | { kind: 'install' }
  | { kind: 'announce'; releaseUrl(version: string): string; openReleasePage(url: string): Promise<void> }

/** What a check found, for a person who asked ("Check for updates…"); automatic checks show nothing of it. */
export type CheckOutcome =
  | { kind: 'up-to-date' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'available'; version: string; releaseUrl: string }
  | { kind: 'failed' }
  | { kind: 'unsupported' }

export interface UpdateControllerDeps {
  /** null where the host cannot update (development, the test harness, the demo). */
  updater: UpdaterPort | null
  mode: UpdateMode
  autoUpdateEnabled(): boolean
  work: WorkInProgress
  clock: Clock
  logger: Logger
}

export class UpdateController {
  private status: UpdateStatus = { kind: 'none' }
  private lastCheckAt: number | null = null
  private running: Promise<CheckOutcome> | null = null
  private tick: { cancel(): void } | null = null
  private readonly listeners = new Set<(status: UpdateStatus) => void>()

  constructor(private readonly deps: UpdateControllerDeps) {}

  get current(): UpdateStatus {
    return this.status
  }

  onChange(listener: (status: UpdateStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Checks now if the setting is on, then keeps checking when due. */
  start(): void {
    if (!this.deps.updater || this.tick) return
    const loop = () => {
      this.poke()
      this.tick = this.deps.clock.setTimeout(loop, UPDATE_TICK_MS)
    }
    loop()
  }

  stop(): void {
    this.tick?.cancel()
    this.tick = null
  }

  /** Checks if one is due (after start-up, a tick, or the setting being turned on). */
  poke(): void {
    if (!this.deps.updater || this.running || this.status.kind !== 'none') return
    if (!isCheckDue({ enabled: this.deps.autoUpdateEnabled(), lastCheckAt: this.lastCheckAt, now: this.deps.clock.now() })) return
    void this.check()
  }

  /** A check, automatic or asked for; concurrent calls share one. Never rejects. */
  check(): Promise<CheckOutcome> {
    const updater = this.deps.updater
    if (!updater) return Promise.resolve({ kind: 'unsupported' })
    if (this.status.kind === 'ready' || this.status.kind === 'available') return Promise.resolve({ ...this.status })
    this.running ??= this.runCheck(updater).finally(() => {
      this.running = null
    })
    return this.running
  }

  /** The updater finished downloading and verified the file. */
  downloaded(version: string): void {
    this.deps.logger.info('update downloaded', { version })
    this.setStatus({ kind: 'ready', version })
  }

  /** A download or install step failed: logged, nothing shown; the next due check tries again. */
  failed(error: unknown): void {
    this.deps.logger.warn('update failed', { error: messageOf(error) })
  }

  /** Quits and installs, unless a key would be lost or work cut off. */
  restartToInstall(): null {
    if (this.status.kind !== 'ready' || !this.deps.updater) throw new AppFailure('no-flow', 'No update is ready to install.')
    const verdict = restartVerdict(this.deps.work.current())
    if (!verdict.allowed) throw new AppFailure('busy', 'The app cannot restart right now.', verdict.reason)
    this.deps.logger.info('restarting to install an update', { version: this.status.version })
    this.deps.updater.quitAndInstall()
    return null
  }

  /** Where the build only announces: opens the new version's release page, a URL main built. */
  async openReleasePage(): Promise<null> {
    const mode = this.deps.mode
    if (this.status.kind !== 'available' || mode.kind !== 'announce') throw new AppFailure('no-flow', 'No new version has been announced.')
    await mode.openReleasePage(this.status.releaseUrl)
    return null
  }

  private async runCheck(updater: UpdaterPort): Promise<CheckOutcome> {
    this.lastCheckAt = this.deps.clock.now()
    try {
      const { newerVersion } = await updater.check()
      if (newerVersion === null) return { kind: 'up-to-date' }
      this.deps.logger.info('update found', { version: newerVersion })
      if (this.deps.mode.kind === 'announce') {
        const status = { kind: 'available' as const, version: newerVersion, releaseUrl: this.deps.mode.releaseUrl(newerVersion) }
        this.setStatus(status)
        return status
      }
      return this.status.kind === 'ready' ? { ...this.status } : { kind: 'downloading', version: newerVersion }
    } catch (error) {
      // Offline or a broken feed: quiet in the UI, in the log for whoever looks.
      this.deps.logger.warn('update check failed', { error: messageOf(error) })
      return { kind: 'failed' }
    }
  }

  private setStatus(status: UpdateStatus): void {
    this.status = status
    for (const listener of this.listeners) listener(status)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
