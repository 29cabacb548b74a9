// What to do when the window's renderer (or another Chromium child process) goes away, and when main throws.
// A crash is reloaded once automatically; after that the person decides, from a page with Reload and
// Open logs folder, so a renderer that crashes on load cannot loop. Errors in main are shown once.

/** Chromium's reasons (Electron's RenderProcessGoneDetails / Details 'reason'). */
export type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction'

export type CrashAction = 'none' | 'reload' | 'show-crash-page'

export interface CrashPolicy {
  /** The window's renderer, or a child process (GPU, utility…) the window depends on, went away. */
  processGone(reason: GoneReason): CrashAction
  /** An uncaught error or unhandled rejection in main: true only for the first, which is shown. */
  mainError(): boolean
}

export function createCrashPolicy(): CrashPolicy {
  let automaticReloadUsed = false
  let mainErrorShown = false
  return {
    processGone(reason) {
      // A clean exit is a normal shutdown (window closing, app quitting), not a crash.
      if (reason === 'clean-exit') return 'none'
      if (automaticReloadUsed) return 'show-crash-page'
      automaticReloadUsed = true
      return 'reload'
    },
    mainError() {
      if (mainErrorShown) return false
      mainErrorShown = true
      return true
    },
  }
}
