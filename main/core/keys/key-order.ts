// The list order the person chose: their manual order, or sorted by label, remaining credit or expiry.
import type { KeyFigures, SortOrder } from '../../../preload/contract'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Missing values sort last in every order, so keys with figures come first. */
function compareNullableAscending(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a - b
}

/** What sorting reads: the same fields on a stored key and on the view the window gets (the renderer tests sort views). */
export interface SortableKey {
  label: string
  figures: Pick<KeyFigures, 'limitRemaining' | 'expiresAt'> | null
  /** A key being removed is not listed. */
  removing?: boolean
}

export function sortKeys<K extends SortableKey>(keys: readonly K[], order: SortOrder): K[] {
  const visible = keys.filter((key) => !key.removing)
  switch (order) {
    case 'manual':
      return visible
    case 'label':
      return [...visible].sort((a, b) => collator.compare(a.label, b.label))
    case 'remaining':
      return [...visible].sort((a, b) => compareNullableAscending(a.figures?.limitRemaining ?? null, b.figures?.limitRemaining ?? null))
    case 'expiry':
      return [...visible].sort((a, b) =>
        compareNullableAscending(
          a.figures?.expiresAt ? Date.parse(a.figures.expiresAt) : null,
          b.figures?.expiresAt ? Date.parse(b.figures.expiresAt) : null,
        ),
      )
  }
}
