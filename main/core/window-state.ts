// The window's size and place, remembered between runs, and brought back fully on screen even when the
// monitor it was on is gone.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rectangle
  isMaximized: boolean
}

export const MIN_WIDTH = 400
export const MIN_HEIGHT = 500
export const DEFAULT_SIZE = { width: 1100, height: 780 }
const FILE_NAME = 'window-state.json'

const stateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }),
  isMaximized: z.boolean(),
})

/** Keeps a window inside a display's work area; `displays[0]` is the primary display. */
export function fitToDisplays(bounds: Rectangle, displays: readonly Rectangle[]): Rectangle {
  const primary = displays[0]
  if (!primary) return bounds
  const overlaps = (area: Rectangle) =>
    bounds.x < area.x + area.width && bounds.x + bounds.width > area.x && bounds.y < area.y + area.height && bounds.y + bounds.height > area.y
  const area = displays.find(overlaps) ?? primary
  const width = Math.max(MIN_WIDTH, Math.min(bounds.width, area.width))
  const height = Math.max(MIN_HEIGHT, Math.min(bounds.height, area.height))
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

export function defaultWindowState(displays: readonly Rectangle[]): WindowState {
  const primary = displays[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }
  const width = Math.min(DEFAULT_SIZE.width, primary.width)
  const height = Math.min(DEFAULT_SIZE.height, primary.height)
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    isMaximized: false,
  }
}

export async function loadWindowState(dataDir: string, displays: readonly Rectangle[]): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(join(dataDir, FILE_NAME), 'utf8')))
    if (!parsed.success) return defaultWindowState(displays)
    return { bounds: fitToDisplays(parsed.data.bounds, displays), isMaximized: parsed.data.isMaximized }
  } catch {
    return defaultWindowState(displays)
  }
}

export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, FILE_NAME)
  const temp = `${path}.tmp-${process.pid}`
  await writeFile(temp, JSON.stringify(state), { mode: 0o600 })
  await rename(temp, path)
}
