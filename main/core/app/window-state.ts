// The window's size and place, remembered between runs, and brought back fully on screen even when the
// monitor it was on is gone. Pure except for the one small file; debouncing is the caller's concern.
import { randomUUID } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
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
export const WINDOW_STATE_FILE = 'window-state.json'

// Generous limits: they only keep absurd numbers from a hand-edited or damaged file out of the window manager.
const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().positive().max(100_000)
const stateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: z.boolean(),
})

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** Places one axis inside [start, start + span]; when the window is wider than the area its start stays visible. */
function placeOnAxis(position: number, size: number, start: number, span: number): number {
  return Math.max(start, Math.min(position, start + span - size))
}

/**
 * Fits a window onto the display it mostly lies on, or onto the primary display (`workAreas[0]`) when it
 * lies on none: at least the minimum size, at most the work area, and fully inside it.
 */
export function fitToDisplays(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle {
  const width = Math.max(MIN_WIDTH, bounds.width)
  const height = Math.max(MIN_HEIGHT, bounds.height)
  const primary = workAreas[0]
  if (!primary) return { ...bounds, width, height }
  let area = primary
  let best = 0
  for (const candidate of workAreas) {
    const overlap = overlapArea(bounds, candidate)
    if (overlap > best) [area, best] = [candidate, overlap]
  }
  const fittedWidth = Math.max(MIN_WIDTH, Math.min(width, area.width))
  const fittedHeight = Math.max(MIN_HEIGHT, Math.min(height, area.height))
  return {
    x: placeOnAxis(bounds.x, fittedWidth, area.x, area.width),
    y: placeOnAxis(bounds.y, fittedHeight, area.y, area.height),
    width: fittedWidth,
    height: fittedHeight,
  }
}

/** The first run (or after a damaged file): the default size, centred on the primary display. */
export function defaultWindowState(workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  const width = Math.max(MIN_WIDTH, Math.min(DEFAULT_SIZE.width, primary.width))
  const height = Math.max(MIN_HEIGHT, Math.min(DEFAULT_SIZE.height, primary.height))
  const x = placeOnAxis(primary.x + Math.round((primary.width - width) / 2), width, primary.x, primary.width)
  const y = placeOnAxis(primary.y + Math.round((primary.height - height) / 2), height, primary.y, primary.height)
  return { bounds: { x, y, width, height }, isMaximized: false }
}

export async function loadWindowState(dataDir: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  let saved: unknown
  try {
    saved = JSON.parse(await readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8'))
  } catch {
    return defaultWindowState(workAreas) // missing, unreadable or not JSON
  }
  const parsed = stateSchema.safeParse(saved)
  if (!parsed.success) return defaultWindowState(workAreas)
  return { bounds: fitToDisplays(parsed.data.bounds, workAreas), isMaximized: parsed.data.isMaximized }
}

function serialize(state: WindowState): string {
  const { x, y, width, height } = state.bounds
  // Rounded so that what is written always passes the schema on the next load.
  const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }
  return JSON.stringify({ bounds, isMaximized: state.isMaximized })
}

// A unique temporary name per write: two overlapping saves never share (and half-write) one temp file.
const tempPathFor = (path: string) => `${path}.${process.pid}.${randomUUID()}.tmp`

/** Atomic: the file is either the previous state or the new one, never a torn write. */
export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, WINDOW_STATE_FILE)
  const temp = tempPathFor(path)
  try {
    await writeFile(temp, serialize(state), { mode: 0o600 })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** The same, synchronously: for the window's last save while the app quits, which may not wait for promises. */
export function saveWindowStateSync(dataDir: string, state: WindowState): void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, WINDOW_STATE_FILE)
  const temp = tempPathFor(path)
  try {
    writeFileSync(temp, serialize(state), { mode: 0o600 })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
