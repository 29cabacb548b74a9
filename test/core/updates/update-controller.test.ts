// The update policy and its controller, with the clock and the updater stood in by hand (the real
// electron-updater is exercised against a local feed in electron-updater-feed.test.ts).
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../preload/contract'
import { isAppFailure } from '../../../main/core/base/app-failure'
import type { Logger } from '../../../main/core/base/logger'
import type { Clock } from '../../../main/core/base/ports'
import { UpdateController, type UpdateMode, type UpdaterPort } from '../../../main/core/updates/update-controller'
import {
  isCheckDue,
  NO_WORK,
  restartVerdict,
  UPDATE_CHECK_INTERVAL_MS,
  UPDATE_TICK_MS,
  type WorkSnapshot,
} from '../../../main/core/updates/update-policy'

const HOUR = 60 * 60 * 1000

/** A clock whose time moves only when the test says; due timers fire in order. */
function manualClock(start = 1_000_000) {
  let now = start
  let timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = []
  const clock: Clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + ms, callback, cancelled: false }
      timers.push(timer)
      return { cancel: () => void (timer.cancelled = true) }
    },
  }
  return {
    clock,
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        const next = timers.filter((timer) => !timer.cancelled && timer.at <= until).sort((a, b) => a.at - b.at)[0]
        if (!next) break
        timers = timers.filter((timer) => timer !== next)
        now = next.at
        next.callback()
      }
      now = until
    },
    pending: () => timers.filter((timer) => !timer.cancelled).length,
  }
}

function recordingLogger() {
  const lines: Array<{ level: string; message: string; details?: Record<string, unknown> }> = []
  const at = (level: string) => (message: string, details?: Record<string, unknown>) => void lines.push({ level, message, ...(details ? { details } : {}) })
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') }
  return { logger, lines }
}

/** An updater whose answers the test queues; each check waits for the test to settle it. */
function scriptedUpdater() {
  const checks: Array<{ resolve(value: { newerVersion: string | null }): void; reject(error: Error): void }> = []
  let installs = 0
  const updater: UpdaterPort = {
    check: () => new Promise((resolve, reject) => checks.push({ resolve, reject })),
    quitAndInstall: () => void (installs += 1),
  }
  return { updater, checks, installs: () => installs }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

function setup(options: { enabled?: boolean; mode?: UpdateMode; work?: Partial<WorkSnapshot>; updater?: UpdaterPort | null } = {}) {
  const time = manualClock()
  const scripted = scriptedUpdater()
  const log = recordingLogger()
  let enabled = options.enabled ?? true
  let work: WorkSnapshot = { ...NO_WORK, ...options.work }
  const statuses: UpdateStatus[] = []
  const controller = new UpdateController({
    updater: options.updater === undefined ? scripted.updater : options.updater,
    mode: options.mode ?? { kind: 'install' },
    autoUpdateEnabled: () => enabled,
    work: { current: () => work },
    clock: time.clock,
    logger: log.logger,
  })
  controller.onChange((status) => statuses.push(status))
  return {
    controller,
    time,
    scripted,
    log,
    statuses,
    setEnabled: (value: boolean) => void (enabled = value),
    setWork: (value: Partial<WorkSnapshot>) => void (work = { ...NO_WORK, ...value }),
  }
}

describe('update policy', () => {
  it('a check is due at start, then once the interval has passed, never while the setting is off', () => {
    expect(isCheckDue({ enabled: true, lastCheckAt: null, now: 0 })).toBe(true)
    expect(isCheckDue({ enabled: true, lastCheckAt: 0, now: UPDATE_CHECK_INTERVAL_MS - 1 })).toBe(false)
    expect(isCheckDue({ enabled: true, lastCheckAt: 0, now: UPDATE_CHECK_INTERVAL_MS })).toBe(true)
    expect(isCheckDue({ enabled: false, lastCheckAt: null, now: 0 })).toBe(false)
    expect(isCheckDue({ enabled: false, lastCheckAt: 0, now: 10 * UPDATE_CHECK_INTERVAL_MS })).toBe(false)
    // A clock set back must not silence checks until it catches up.
    expect(isCheckDue({ enabled: true, lastCheckAt: 10 * HOUR, now: 2 * HOUR })).toBe(true)
    expect(UPDATE_CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(HOUR)
    expect(UPDATE_CHECK_INTERVAL_MS).toBeLessThanOrEqual(24 * HOUR)
  })

  it('allows a restart only when no key is unsaved and no connect, mint or rotation runs', () => {
    expect(restartVerdict(NO_WORK)).toEqual({ allowed: true })
    for (const field of ['keyUnsaved', 'connectRunning', 'mintRunning', 'rotationRunning'] as const) {
      const verdict = restartVerdict({ ...NO_WORK, [field]: true })
      expect(verdict, field).toMatchObject({ allowed: false, reason: expect.any(String) })
    }
    // The key that would be lost is named first.
    expect(restartVerdict({ keyUnsaved: true, connectRunning: true, mintRunning: true, rotationRunning: true })).toEqual({
      allowed: false,
      reason: expect.stringMatching(/not saved/),
    })
  })
})

describe('update controller', () => {
  it('checks on start and again every few hours, not more often', async () => {
    const { controller, time, scripted } = setup()
    controller.start()
    expect(scripted.checks).toHaveLength(1)
    scripted.checks[0]!.resolve({ newerVersion: null })
    await flush()
    time.advance(UPDATE_CHECK_INTERVAL_MS - UPDATE_TICK_MS)
    await flush()
    expect(scripted.checks).toHaveLength(1)
    time.advance(UPDATE_TICK_MS)
    await flush()
    expect(scripted.checks).toHaveLength(2)
    controller.stop()
    expect(time.pending()).toBe(0)
  })

  it('with the setting off it never checks on its own; turning it on checks at the next poke', async () => {
    const { controller, time, scripted, setEnabled } = setup({ enabled: false })
    controller.start()
    time.advance(3 * UPDATE_CHECK_INTERVAL_MS)
    await flush()
    expect(scripted.checks).toHaveLength(0)
    setEnabled(true)
    controller.poke()
    expect(scripted.checks).toHaveLength(1)
    controller.stop()
  })

  it('shows nothing while checking or downloading; shows "ready" once downloaded, and stops checking', async () => {
    const { controller, time, scripted, statuses } = setup()
    controller.start()
    scripted.checks[0]!.resolve({ newerVersion: '1.2.0' })
    await flush()
    expect(controller.current).toEqual({ kind: 'none' })
    expect(statuses).toEqual([])
    controller.downloaded('1.2.0')
    expect(controller.current).toEqual({ kind: 'ready', version: '1.2.0' })
    expect(statuses).toEqual([{ kind: 'ready', version: '1.2.0' }])
    time.advance(3 * UPDATE_CHECK_INTERVAL_MS)
    await flush()
    expect(scripted.checks).toHaveLength(1)
    controller.stop()
  })

  it('a failed check (offline, feed down) is quiet: no status, logged, and the next due check tries again', async () => {
    const { controller, time, scripted, statuses, log } = setup()
    controller.start()
    scripted.checks[0]!.reject(new Error('net::ERR_INTERNET_DISCONNECTED'))
    await flush()
    expect(statuses).toEqual([])
    expect(controller.current).toEqual({ kind: 'none' })
    expect(log.lines).toContainEqual({ level: 'warn', message: 'update check failed', details: { error: 'net::ERR_INTERNET_DISCONNECTED' } })
    time.advance(UPDATE_CHECK_INTERVAL_MS)
    await flush()
    expect(scripted.checks).toHaveLength(2)
    controller.failed(new Error('sha512 checksum mismatch'))
    expect(statuses).toEqual([])
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', message: 'update failed' })
    controller.stop()
  })

  it('"Check for updates…" reports what it found; concurrent checks share one request', async () => {
    const { controller, scripted } = setup()
    const [first, second] = [controller.check(), controller.check()]
    expect(scripted.checks).toHaveLength(1)
    scripted.checks[0]!.resolve({ newerVersion: null })
    expect(await first).toEqual({ kind: 'up-to-date' })
    expect(await second).toEqual({ kind: 'up-to-date' })
    const third = controller.check()
    scripted.checks[1]!.resolve({ newerVersion: '2.0.0' })
    expect(await third).toEqual({ kind: 'downloading', version: '2.0.0' })
    const fourth = controller.check()
    scripted.checks[2]!.reject(new Error('offline'))
    expect(await fourth).toEqual({ kind: 'failed' })
    controller.downloaded('2.0.0')
    expect(await controller.check()).toEqual({ kind: 'ready', version: '2.0.0' })
    expect(scripted.checks).toHaveLength(3)
  })

  it('restarts to install only when an update is ready and nothing would be lost', async () => {
    const { controller, scripted, setWork } = setup()
    const refusal = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        if (isAppFailure(error)) return error.appError
        throw error
      }
      return null
    }
    expect(refusal(() => controller.restartToInstall())).toMatchObject({ code: 'no-flow' })
    controller.downloaded('1.1.0')
    for (const field of ['keyUnsaved', 'connectRunning', 'mintRunning', 'rotationRunning'] as const) {
      setWork({ [field]: true })
      expect(refusal(() => controller.restartToInstall()), field).toMatchObject({ code: 'busy', hint: expect.any(String) })
    }
    expect(scripted.installs()).toBe(0)
    setWork({})
    expect(controller.restartToInstall()).toBeNull()
    expect(scripted.installs()).toBe(1)
  })

  it('a build that cannot install (the deb) announces the version with its release page, without downloading', async () => {
    const opened: string[] = []
    const mode: UpdateMode = {
      kind: 'announce',
      releaseUrl: (version) => `https://github.com/o/r/releases/tag/v${version}`,
      openReleasePage: async (url) => void opened.push(url),
    }
    const { controller, scripted, statuses } = setup({ mode })
    await expect(controller.openReleasePage()).rejects.toMatchObject({ appError: { code: 'no-flow' } })
    controller.start()
    scripted.checks[0]!.resolve({ newerVersion: '1.3.0' })
    await flush()
    expect(statuses).toEqual([{ kind: 'available', version: '1.3.0', releaseUrl: 'https://github.com/o/r/releases/tag/v1.3.0' }])
    await controller.openReleasePage()
    expect(opened).toEqual(['https://github.com/o/r/releases/tag/v1.3.0'])
    expect(() => controller.restartToInstall()).toThrow(/No update is ready/)
    controller.stop()
  })

  it('where there is no updater (development, the harness) nothing is checked and a manual check says so', async () => {
    const { controller, time } = setup({ updater: null })
    controller.start()
    expect(time.pending()).toBe(0)
    expect(await controller.check()).toEqual({ kind: 'unsupported' })
    expect(controller.current).toEqual({ kind: 'none' })
  })
})
