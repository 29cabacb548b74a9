// Latency that close() can cancel, so a closing double never leaves timers keeping the process alive.
export class Delays {
  private readonly timers = new Set<NodeJS.Timeout>()

  /** Resolves after `ms`; never resolves if cancelled first (the socket is gone by then anyway). */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
