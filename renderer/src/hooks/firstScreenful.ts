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

export function firstScreenful(item: ItemSize, view: { width: number; height: number } = { width: window.innerWidth, height: window.innerHeight }): number {
  const columns = Math.max(1, Math.floor((view.width + item.gap) / (item.minWidth + item.gap)))
  const rows = Math.ceil(Math.max(1, view.height) / (item.minHeight + item.gap)) + 1
  return columns * rows
}
