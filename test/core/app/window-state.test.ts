import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  defaultWindowState,
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  saveWindowStateSync,
  WINDOW_STATE_FILE,
  type Rectangle,
} from '../../../main/core/app/window-state'
import { makeTempDir } from '../../support/temp-dir'

// Work areas (the display minus task bar / menu bar), primary first.
const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 }
const RIGHT = { x: 1920, y: 0, width: 1280, height: 1000 }
const LEFT_ABOVE = { x: -1440, y: -900, width: 1440, height: 860 }

const inside = (bounds: Rectangle, area: Rectangle) =>
  bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => dir.remove())

describe('window state between runs', () => {
  it('remembers bounds and the maximized flag', async () => {
    await saveWindowState(dir.path, { bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: true })
    expect(await loadWindowState(dir.path, [PRIMARY, RIGHT])).toEqual({ bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: true })
  })

  it('brings a window from a monitor that is gone back onto the primary display, fully visible, same size', async () => {
    await saveWindowState(dir.path, { bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: false })
    const { bounds } = await loadWindowState(dir.path, [PRIMARY])
    expect(bounds).toEqual({ x: 1020, y: 50, width: 900, height: 700 })
    expect(inside(bounds, PRIMARY)).toBe(true)
  })

  it('keeps a window on a display left of and above the primary one where it was', () => {
    const bounds = { x: -1200, y: -800, width: 800, height: 600 }
    expect(fitToDisplays(bounds, [PRIMARY, LEFT_ABOVE])).toEqual(bounds)
  })

  it('moves a window straddling two displays onto the one holding most of it', () => {
    const mostlyRight = { x: 1700, y: 100, width: 1000, height: 700 }
    expect(fitToDisplays(mostlyRight, [PRIMARY, RIGHT])).toEqual({ x: 1920, y: 100, width: 1000, height: 700 })
  })

  it('keeps at least the minimum size and at most the work area', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 100, height: 100 }, [PRIMARY])).toEqual({ x: 10, y: 10, width: MIN_WIDTH, height: MIN_HEIGHT })
    expect(fitToDisplays({ x: -50, y: -50, width: 5000, height: 5000 }, [PRIMARY])).toEqual(PRIMARY)
  })

  it('on a work area smaller than the minimum, keeps the window’s top-left corner (its title bar) on screen', () => {
    const tiny = { x: 100, y: 100, width: 320, height: 480 }
    expect(fitToDisplays({ x: 0, y: 0, width: 900, height: 700 }, [tiny])).toEqual({ x: 100, y: 100, width: MIN_WIDTH, height: MIN_HEIGHT })
  })

  it('starts centred on the primary display when there is no file, a corrupt one, or a wrong shape', async () => {
    const fresh = await loadWindowState(dir.path, [PRIMARY, RIGHT])
    expect(fresh).toEqual({ bounds: { x: 410, y: 130, width: 1100, height: 780 }, isMaximized: false })
    expect(defaultWindowState([RIGHT, PRIMARY]).bounds).toEqual({ x: 2010, y: 110, width: 1100, height: 780 })
    const path = join(dir.path, WINDOW_STATE_FILE)
    for (const damaged of ['{"bounds":', '[]', '{"bounds":{"x":0,"y":0,"width":-5,"height":500},"isMaximized":false}', '{"bounds":{"x":0,"y":0,"width":"900","height":500},"isMaximized":false}', '{"bounds":{"x":1e9,"y":0,"width":900,"height":500},"isMaximized":false}', '{"bounds":{"x":0,"y":0,"width":900,"height":500}}']) {
      await writeFile(path, damaged)
      expect(await loadWindowState(dir.path, [PRIMARY]), damaged).toEqual(fresh)
    }
  })

  it('writes atomically (no temp file left behind), creating the folder, rounding fractional bounds', async () => {
    const nested = join(dir.path, 'a', 'b')
    await saveWindowState(nested, { bounds: { x: 10.4, y: 20.6, width: 800.5, height: 600 }, isMaximized: false })
    expect(await readdir(nested)).toEqual([WINDOW_STATE_FILE])
    expect(JSON.parse(await readFile(join(nested, WINDOW_STATE_FILE), 'utf8'))).toEqual({ bounds: { x: 10, y: 21, width: 801, height: 600 }, isMaximized: false })
  })

  it('survives many overlapping saves with one whole, valid file', async () => {
    const states = Array.from({ length: 40 }, (_, i) => ({ bounds: { x: i, y: i, width: 800 + i, height: 600 }, isMaximized: i % 2 === 0 }))
    await Promise.all(states.map((state) => saveWindowState(dir.path, state)))
    expect(await readdir(dir.path)).toEqual([WINDOW_STATE_FILE])
    const saved = JSON.parse(await readFile(join(dir.path, WINDOW_STATE_FILE), 'utf8')) as unknown
    expect(states).toContainEqual(saved)
  })

  it('saves synchronously too (the last save while quitting), in the same format', async () => {
    saveWindowStateSync(dir.path, { bounds: { x: 5, y: 6, width: 700, height: 800 }, isMaximized: true })
    expect(await readdir(dir.path)).toEqual([WINDOW_STATE_FILE])
    expect(await loadWindowState(dir.path, [PRIMARY])).toEqual({ bounds: { x: 5, y: 6, width: 700, height: 800 }, isMaximized: true })
  })

  it('always returns a window fully on some display and at least the minimum size, for any saved bounds', () => {
    const area = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: MIN_WIDTH, max: 4000 }),
      height: fc.integer({ min: MIN_HEIGHT, max: 3000 }),
    })
    const bounds = fc.record({
      x: fc.integer({ min: -100_000, max: 100_000 }),
      y: fc.integer({ min: -100_000, max: 100_000 }),
      width: fc.integer({ min: 1, max: 100_000 }),
      height: fc.integer({ min: 1, max: 100_000 }),
    })
    fc.assert(
      fc.property(bounds, fc.array(area, { minLength: 1, maxLength: 4 }), (saved, areas) => {
        const fitted = fitToDisplays(saved, areas)
        expect(fitted.width).toBeGreaterThanOrEqual(MIN_WIDTH)
        expect(fitted.height).toBeGreaterThanOrEqual(MIN_HEIGHT)
        expect(areas.some((workArea) => inside(fitted, workArea))).toBe(true)
      }),
    )
  })
})
