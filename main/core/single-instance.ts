// One app instance owns the window, the callback listener and the store. When another launch or a link
// arrives, the primary decides what to do: always come forward, and run the link's action if it is valid.
import { findDeepLinkInArgv, parseDeepLink, type DeepLinkAction } from './deep-link'

export interface InstanceDecision {
  focus: true
  action: DeepLinkAction | null
  /** Why a link was refused, for the log. */
  rejected: string | null
}

export function decideOpenUrl(url: string): InstanceDecision {
  const parsed = parseDeepLink(url)
  return parsed.ok ? { focus: true, action: parsed.action, rejected: null } : { focus: true, action: null, rejected: parsed.reason }
}

export function decideSecondInstance(argv: readonly string[]): InstanceDecision {
  const link = findDeepLinkInArgv(argv)
  return link === null ? { focus: true, action: null, rejected: null } : decideOpenUrl(link)
}
