import { describe, expect, it } from 'vitest'
import { CARD_SIZE, firstScreenful, ROW_SIZE } from '../../../renderer/src/hooks/firstScreenful'

describe('firstScreenful', () => {
  it('fills the window with cards, a row to spare: 3 columns at 1200 px, 5 at 1920 px, 1 at 400 px', () => {
    expect(firstScreenful(CARD_SIZE, { width: 1200, height: 860 })).toBe(3 * 4)
    expect(firstScreenful(CARD_SIZE, { width: 1920, height: 1080 })).toBe(5 * 4)
    expect(firstScreenful(CARD_SIZE, { width: 400, height: 860 })).toBe(1 * 4)
  })

  it('fills the window with list rows, one a line, whatever the width', () => {
    expect(firstScreenful(ROW_SIZE, { width: 1200, height: 860 })).toBe(Math.ceil(860 / 38) + 1)
    expect(firstScreenful(ROW_SIZE, { width: 400, height: 860 })).toBe(Math.ceil(860 / 38) + 1)
  })

  it('renders at least a row of items in a window not laid out yet (0 × 0)', () => {
    expect(firstScreenful(CARD_SIZE, { width: 0, height: 0 })).toBeGreaterThanOrEqual(2)
    expect(firstScreenful(ROW_SIZE, { width: 0, height: 0 })).toBeGreaterThanOrEqual(2)
  })
})
