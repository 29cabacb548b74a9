// How a whole-list refresh slows down when OpenRouter answers 429: instead of every remaining key failing, the pool
// pauses until the time OpenRouter named (Retry-After, already bounded by the gateway), then goes on one key at a
// time. A pause longer than the refresh may wait is not waited out: the keys left are marked rate limited with that
// time, and the automatic refresh comes back for them then.
import type { Clock } from '../base/ports'

/** The longest a refresh pauses, in total, for 429s. */
export const MAX_REFRESH_PAUSE_MS = 60_000
/** When a 429 names no time. */
const DEFAULT_PAUSE_MS = 5_000

export class RefreshPace {
  private pausedUntil = 0
  private serial = false
  private chain: Promise<void> = Promise.resolve()
  private readonly deadline: number

  constructor(private readonly clock: Clock, maxPauseMs = MAX_REFRESH_PAUSE_MS) {
    this.deadline = clock.now() + maxPauseMs
  }

  /** After a 429: pause everyone until `retryAt`, then one request at a time. */
  slowDown(retryAt: string | undefined): void {
    const parsed = retryAt === undefined ? Number.NaN : Date.parse(retryAt)
    const until = Number.isNaN(parsed) ? this.clock.now() + DEFAULT_PAUSE_MS : parsed
    this.pausedUntil = Math.max(this.pausedUntil, until)
    this.serial = true
  }

  get slowedDown(): boolean {
    return this.serial
  }

  /** When requests may start again, ISO 8601. */
  get resumeAt(): string {
    return new Date(Math.max(this.pausedUntil, this.clock.now())).toISOString()
  }

  /** Runs `task` when the pool may send; not sent, without running it, when the pause outlasts what a refresh may wait. */
  async run<T>(task: () => Promise<T>): Promise<{ sent: true; value: T } | { sent: false }> {
    if (!this.serial) {
      if (!(await this.waitOutPause())) return { sent: false }
      if (!this.serial) return { sent: true, value: await task() }
    }
    const previous = this.chain
    let release: () => void = () => {}
    this.chain = new Promise<void>((resolve) => (release = resolve))
    try {
      await previous
      if (!(await this.waitOutPause())) return { sent: false }
      return { sent: true, value: await task() }
    } finally {
      release()
    }
  }

  private async waitOutPause(): Promise<boolean> {
    for (let now = this.clock.now(); now < this.pausedUntil; now = this.clock.now()) {
      if (this.pausedUntil > this.deadline) return false
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.pausedUntil - now))
    }
    return true
  }
}
