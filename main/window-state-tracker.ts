// Restores the window where the person left it and remembers it again as it moves (core/window-state.ts).
import { screen, type BrowserWindow } from 'electron'
import { loadWindowState, saveWindowState, saveWindowStateSync, type WindowState } from './core/app/window-state'

const SAVE_DELAY_MS = 500

/** Call after the app is ready (screen needs it); pass the bounds to the BrowserWindow, then maximize if asked. */
export async function restoreWindowState(dataDir: string): Promise<WindowState> {
  const primary = screen.getPrimaryDisplay()
  // The core expects the primary display's work area first.
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return loadWindowState(dataDir, [primary, ...others].map((display) => display.workArea))
}

export function trackWindowState(window: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | null = null
  // Normal bounds: a maximized window remembers the size it returns to, plus the flag.
  const current = (): WindowState => ({ bounds: window.getNormalBounds(), isMaximized: window.isMaximized() })
  const saveSoon = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (!window.isDestroyed()) void saveWindowState(dataDir, current()).catch(() => {})
    }, SAVE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', () => {
    if (timer) clearTimeout(timer)
    timer = null
    try {
      saveWindowStateSync(dataDir, current()) // synchronous: the process may exit before a promise settles
    } catch {
      // Losing the last position is harmless; the next run falls back to the previous file or the default.
    }
  })
}
