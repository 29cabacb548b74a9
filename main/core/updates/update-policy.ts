// When to look for updates, and when a restart to install one is allowed. Pure: the clock and the work in
// progress are passed in, so every rule is tested under plain Node.

/** A check on start, then one every few hours while the app runs (and the setting is on). */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000
/** How often the app asks itself whether a check is due: short, so turning the setting on or waking from sleep checks soon. */
export const UPDATE_TICK_MS = 15 * 60 * 1000

/** What is running right now that a restart would cut off or lose. The composition root answers it. */
export interface WorkInProgress {
  current(): WorkSnapshot
}

export interface WorkSnapshot {
  /** An issued key exists only in memory (its save failed and it was not copied). */
  keyUnsaved: boolean
  /** A connect is waiting for the browser, exchanging a code or saving the key. */
  connectRunning: boolean
  /** A limited key is being minted. */
  mintRunning: boolean
  /** A key is being rotated. */
  rotationRunning: boolean
}

export const NO_WORK: WorkSnapshot = { keyUnsaved: false, connectRunning: false, mintRunning: false, rotationRunning: false }

export function isCheckDue(input: { enabled: boolean; lastCheckAt: number | null; now: number }): boolean {
  if (!input.enabled) return false
  // A clock set back (lastCheckAt in the future) counts as due rather than silencing checks for hours.
  return input.lastCheckAt === null || input.now - input.lastCheckAt >= UPDATE_CHECK_INTERVAL_MS || input.now < input.lastCheckAt
}

export type RestartVerdict = { allowed: true } | { allowed: false; reason: string }

// In priority order: a key that would be lost outranks work that would merely be interrupted.
const BLOCKERS: ReadonlyArray<[keyof WorkSnapshot, string]> = [
  ['keyUnsaved', 'A new key is not saved yet: save it again or copy it first.'],
  ['connectRunning', 'A connection is in progress: finish or cancel it first.'],
  ['mintRunning', 'A new limited key is being created: wait until it is saved.'],
  ['rotationRunning', 'A key is being rotated: wait until it finishes.'],
]

/** A restart never happens while a key is unsaved or a connect, mint or rotation is running. */
export function restartVerdict(work: WorkSnapshot): RestartVerdict {
  const blocker = BLOCKERS.find(([field]) => work[field])
  return blocker ? { allowed: false, reason: blocker[1] } : { allowed: true }
}
