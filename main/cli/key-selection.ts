// Which stored key a person means: the default, or one named by its label, OpenRouter's name for it, its masked
// form or the masked suffix (the last four characters). Pure; never sees a secret.
import { looksLikeOpenRouterKey } from '../core/keys/key-identity'
import type { StoredKey } from '../core/keys/stored-key'
import { CliFailure } from './exit-codes'
import { printable } from './output'

export function describeKey(key: StoredKey): string {
  return `“${printable(key.label)}” (${printable(key.maskedKey)})`
}

function matches(key: StoredKey, query: string): boolean {
  const folded = query.toLocaleLowerCase()
  const same = (text: string | undefined | null) => text != null && text.toLocaleLowerCase() === folded
  // "..." for "…", which few people can type.
  const asMasked = query.replace(/\.\.\./g, '…')
  const suffix = /^…?([A-Za-z0-9_-]{4})$/.exec(asMasked)?.[1]
  return (
    key.id === folded ||
    same(key.label) ||
    same(key.figures?.remoteLabel) ||
    key.maskedKey === asMasked ||
    (suffix !== undefined && key.maskedKey.endsWith(`…${suffix}`))
  )
}

/** The key used when none is named: the default, or the only key there is. */
export function defaultKeyOf(keys: readonly StoredKey[], defaultKeyId: string | null): StoredKey | undefined {
  return keys.find((key) => key.id === defaultKeyId) ?? (keys.length === 1 ? keys[0] : undefined)
}

/** The key to use; throws a CliFailure with one clear line when there is none, or more than one, to choose. */
export function selectKey(keys: readonly StoredKey[], defaultKeyId: string | null, query: string | undefined): StoredKey {
  if (keys.length === 0) throw new CliFailure('noKeys', 'No keys are stored. Add one in OpenRouter Key Manager first.')
  if (query === undefined) {
    const chosen = defaultKeyOf(keys, defaultKeyId)
    if (chosen) return chosen
    throw new CliFailure('noKeys', `No default key is set and ${keys.length} keys are stored: name one (see \`orkm list\`), or choose a default in the app.`)
  }
  const trimmed = query.trim()
  if (looksLikeOpenRouterKey(trimmed)) {
    // Never echo it back: it would end up on stderr and in terminal scrollback.
    throw new CliFailure('unknownKey', 'That looks like a key itself; name a stored key by its label or masked suffix (see `orkm list`).')
  }
  const found = keys.filter((key) => matches(key, trimmed))
  if (found.length === 1) return found[0]!
  if (found.length === 0) throw new CliFailure('unknownKey', `No stored key is called “${printable(trimmed)}” (see \`orkm list\`).`)
  throw new CliFailure('unknownKey', `“${printable(trimmed)}” matches ${found.length} keys: ${found.map(describeKey).join(', ')}; use a name that only one has.`)
}
