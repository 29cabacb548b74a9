// Labels are shown in the window, in notifications and in the command line, and some come from OpenRouter:
// control characters and bidi overrides could make one label look like another (or hide text), so every label
// is cleaned the same way wherever it enters: rename, mint, create, OpenRouter's own labels, and on load.

import { LABEL_MAX_LENGTH } from '../../../preload/contract'

export const MAX_LABEL_LENGTH = LABEL_MAX_LENGTH

// C0 and C1 controls, DEL, and the bidi embeddings/overrides/isolates and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g

/** The label as it may be shown: unsafe characters removed, whitespace collapsed, at most `maxLength` characters. */
export function cleanLabel(text: string, maxLength = MAX_LABEL_LENGTH): string {
  const cleaned = text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim()
  // Cut by code points so a surrogate pair is never split in half.
  return Array.from(cleaned).slice(0, maxLength).join('').trim()
}

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0
  return UNSAFE_CHARACTERS.test(text)
}
