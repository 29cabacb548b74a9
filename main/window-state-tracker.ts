// Restores the window where the person left it and remembers it again as it moves (core/window-state.ts).
import { screen, type BrowserWindow } from 'electron'
import { loadWindowState, saveWindowState, type WindowState } from './core/window-state'

export async function restoreWindowState(dataDir: string): Promise<WindowState> {
  const displays = screen.getAllDisplays()
  const primary = screen.getPrimaryDisplay()
  const ordered = [primary, ...displays.filter((display) => display.id !== primary.id)].map((display) => display.workArea)
  return loadWindowState(dataDir, ordered)
}

export function trackWindowState(window: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | null = null
  const save = () => {
    if (window.isDestroyed()) return
    void saveWindowState(dataDir, { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() }).catch(() => {})
  }
  const saveSoon = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('close', () => {
    if (timer) clearTimeout(timer)
    save()
  })
}
