// The app's own record of each stored key's spend, for the charts when there is no management key. Non-secret:
// per key and UTC day, the key's total usage at the start of that day, which every refresh reveals exactly as
// `usage − usage_daily` (usage_daily is "for the current UTC day"). A completed day's spend is then the difference
// between the next day's start and its own; a day without a refresh on it or the next day is a gap, never $0.
// Capped (days per key, keys), written atomically and debounced; a damaged file is set aside and history restarts.
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { KeyFigures } from '../../../preload/contract'
import type { Logger } from '../base/logger'
import type { Clock } from '../base/ports'
import { unreadableName, writeAtomically } from '../base/atomic-file'
import { nextUtcDay, utcDay } from './utc-days'

export const HISTORY_FILE_NAME = 'spend-history.json'
/** 30 completed days need 31 day starts; a little more keeps a month's edges. */
export const MAX_DAYS_PER_KEY = 40
export const MAX_KEYS = 1000
const WRITE_DELAY_MS = 2000

/** One UTC day of one key: its total usage (USD) when the day began. */
export interface DayStart {
  day: string
  start: number
}

interface HistoryDocument {
  version: 1
  keys: Record<string, DayStart[]>
}

const documentSchema = z.object({
  version: z.literal(1),
  keys: z.record(
    z.string().regex(/^[0-9a-f]{64}$/),
    z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), start: z.number().finite().min(0) })).max(MAX_DAYS_PER_KEY * 2),
  ),
})

export class SpendHistory {
  private writeTimer: { cancel(): void } | null = null
  private writing: Promise<void> = Promise.resolve()

  private constructor(
    private readonly path: string,
    private readonly deps: { clock: Clock; logger: Logger },
    private readonly keys: Map<string, DayStart[]>,
    readonly notices: string[],
  ) {}

  static async open(dataDir: string, deps: { clock: Clock; logger: Logger }): Promise<SpendHistory> {
    const path = join(dataDir, HISTORY_FILE_NAME)
    const notices: string[] = []
    let keys = new Map<string, DayStart[]>()
    try {
      const parsed = documentSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
      if (parsed.success) keys = new Map(Object.entries(parsed.data.keys).map(([id, days]) => [id, tidy(days)]))
      else notices.push(await setAside(path, deps.clock))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') notices.push(await setAside(path, deps.clock))
    }
    for (const notice of notices) deps.logger.warn('spend history unreadable; started again', { notice })
    return new SpendHistory(path, deps, keys, notices)
  }

  /** Called with every good refresh of a stored key. */
  record(keyId: string, figures: Pick<KeyFigures, 'usage' | 'usageDaily'>, atMs: number = this.deps.clock.now()): void {
    if (!Number.isFinite(figures.usage) || !Number.isFinite(figures.usageDaily)) return
    const day = utcDay(atMs)
    const start = Math.max(0, round(figures.usage - figures.usageDaily))
    const days = this.keys.get(keyId) ?? []
    const existing = days.find((entry) => entry.day === day)
    if (existing) existing.start = start
    else days.push({ day, start })
    // Most recently recorded key last, so the cap drops the keys not seen for longest.
    this.keys.delete(keyId)
    this.keys.set(keyId, tidy(days))
    while (this.keys.size > MAX_KEYS) this.keys.delete(this.keys.keys().next().value!)
    this.scheduleWrite()
  }

  forget(keyId: string): void {
    if (this.keys.delete(keyId)) this.scheduleWrite()
  }

  /** Spend per day for the days given (completed UTC days); null where the history cannot tell. */
  dailySpend(keyId: string, days: readonly string[]): Array<number | null> {
    const starts = new Map((this.keys.get(keyId) ?? []).map((entry) => [entry.day, entry.start]))
    return days.map((day) => {
      const start = starts.get(day)
      const next = starts.get(nextUtcDay(day))
      return start === undefined || next === undefined ? null : Math.max(0, round(next - start))
    })
  }

  keyIds(): string[] {
    return [...this.keys.keys()]
  }

  /** Writes now (e.g. at shutdown) instead of after the debounce. */
  async flush(): Promise<void> {
    this.writeTimer?.cancel()
    this.writeTimer = null
    await this.write()
  }

  private scheduleWrite(): void {
    if (this.writeTimer) return
    this.writeTimer = this.deps.clock.setTimeout(() => {
      this.writeTimer = null
      void this.write()
    }, WRITE_DELAY_MS)
  }

  private write(): Promise<void> {
    const document: HistoryDocument = { version: 1, keys: Object.fromEntries(this.keys) }
    const run = this.writing.then(() => writeAtomically(this.path, document))
    this.writing = run.catch((error: unknown) => this.deps.logger.warn('spend history could not be written', { error }))
    return this.writing
  }
}

function tidy(days: DayStart[]): DayStart[] {
  const byDay = new Map(days.map((entry) => [entry.day, entry]))
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-MAX_DAYS_PER_KEY)
}

/** Money to a millionth of a dollar, so float noise never shows as spend. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

async function setAside(path: string, clock: Clock): Promise<string> {
  const backup = unreadableName(path, new Date(clock.now()))
  await rename(path, backup).catch(() => {})
  return `The spend history file was damaged; it was kept as ${backup} and history starts again.`
}
