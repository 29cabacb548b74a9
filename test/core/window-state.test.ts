import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fitToDisplays, loadWindowState, saveWindowState } from '../../main/core/window-state'
import { makeTempDir } from '../support/temp-dir'

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 }
const RIGHT = { x: 1920, y: 0, width: 1280, height: 1000 }
let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => dir.remove())

describe('window state', () => {
  it('remembers bounds and maximized state between runs', async () => {
    await saveWindowState(dir.path, { bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: true })
    expect(await loadWindowState(dir.path, [PRIMARY, RIGHT])).toEqual({ bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: true })
  })

  it('brings a window from a monitor that is gone back onto the primary display, fully visible', async () => {
    await saveWindowState(dir.path, { bounds: { x: 2000, y: 50, width: 900, height: 700 }, isMaximized: false })
    const { bounds } = await loadWindowState(dir.path, [PRIMARY])
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(PRIMARY.width)
    expect(bounds).toMatchObject({ width: 900, height: 700 })
  })

  it('keeps at least the minimum size and at most the display', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 100, height: 100 }, [PRIMARY])).toMatchObject({ width: 400, height: 500 })
    expect(fitToDisplays({ x: 0, y: 0, width: 5000, height: 5000 }, [PRIMARY])).toEqual(PRIMARY)
  })

  it('falls back to a centred default for a missing or corrupt file', async () => {
    const fresh = await loadWindowState(dir.path, [PRIMARY])
    expect(fresh.bounds).toEqual({ x: 410, y: 130, width: 1100, height: 780 })
    await writeFile(join(dir.path, 'window-state.json'), '{"bounds":')
    expect(await loadWindowState(dir.path, [PRIMARY])).toEqual(fresh)
    await saveWindowState(dir.path, fresh.bounds ? { ...fresh } : fresh)
    expect(JSON.parse(await readFile(join(dir.path, 'window-state.json'), 'utf8'))).toEqual(fresh)
  })
})
