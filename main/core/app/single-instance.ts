// One app instance owns the window, the callback listener and the store. When another launch or a link
// arrives, the primary decides what to do: always come forward, and run the link's action if it is valid.
import { findDeepLinkInArgv, parseDeepLink, type DeepLinkAction } from './deep-link'

export interface InstanceDecision {
  focus: true
  action: DeepLinkAction | null
  /** Why a link was refused, for the log; null when there was no link or it was accepted. */
  rejected: string | null
}

/** macOS delivers links through the app's `open-url` event, never on the command line. */
export function decideOpenUrl(url: string): InstanceDecision {
  const parsed = parseDeepLink(url)
  return parsed.ok ? { focus: true, action: parsed.action, rejected: null } : { focus: true, action: null, rejected: parsed.reason }
}

/**
 * Windows and Linux start a new process with the link in its argv; that process loses the single-instance
 * lock and the primary receives its argv in `second-instance`. The primary also applies this to its own
 * argv at start-up, for the link that launched it.
 */
export function decideSecondInstance(argv: readonly string[]): InstanceDecision {
  const link = findDeepLinkInArgv(argv)
  return link === null ? { focus: true, action: null, rejected: null } : decideOpenUrl(link)
}
