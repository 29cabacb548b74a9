// How many items fill the window at start, with a row to spare: a long list renders these in its first, blocking
// pass and the rest in a transition. Estimated from the window and the items' smallest size, so a large window
// is filled at once and a small one does not wait for items it cannot show.

export interface ItemSize {
  /** The narrowest an item gets (a grid column's minimum); a list's rows take the whole width. */
  minWidth: number
  /** The shortest an item gets. */
  minHeight: number
  /** Space between items, both ways. */
  gap: number
}

/**
 * A card's smallest size: the grid's 340 px column minimum, and the height of the shortest card (a key never
 * checked: 376 px at 440 px wide, taller when narrower), rounded down; the grid gap. Too small a height renders
 * cards the window cannot show before it can be used: at 180 px, 18 cards where 3 are seen at 1200 × 860.
 * The dashboard specs check that no card is shorter (test/e2e/ux.spec.ts).
 */
export const CARD_SIZE: ItemSize = { minWidth: 340, minHeight: 360, gap: 16 }

/** A list row's smallest height (one line of text and its padding); rows take the whole width. */
export const ROW_SIZE: ItemSize = { minWidth: Number.POSITIVE_INFINITY, minHeight: 38, gap: 0 }

export function firstScreenful(item: ItemSize, view: { width: number; height: number } = { width: window.innerWidth, height: window.innerHeight }): number {
  const columns = Math.max(1, Math.floor((view.width + item.gap) / (item.minWidth + item.gap)))
  const rows = Math.ceil(Math.max(1, view.height) / (item.minHeight + item.gap)) + 1
  return columns * rows
}
