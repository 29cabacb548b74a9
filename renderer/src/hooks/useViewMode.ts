// Cards or the compact list: the person's choice, remembered between runs. Kept in the window's own storage
// (the app's origin is fixed, so it survives restarts); it is a display preference, not key data.
import { useCallback, useState } from 'react'

export const VIEW_MODES = ['cards', 'list'] as const
export type ViewMode = (typeof VIEW_MODES)[number]

export const VIEW_MODE_STORAGE_KEY = 'orkm.view-mode'

function readViewMode(): ViewMode {
  try {
    const stored = globalThis.localStorage?.getItem(VIEW_MODE_STORAGE_KEY)
    return VIEW_MODES.find((mode) => mode === stored) ?? 'cards'
  } catch {
    return 'cards' // storage refused (privacy settings): the default
  }
}

export function useViewMode(): [ViewMode, (mode: ViewMode) => void] {
  const [mode, setMode] = useState<ViewMode>(readViewMode)
  const choose = useCallback((next: ViewMode) => {
    setMode(next)
    try {
      globalThis.localStorage?.setItem(VIEW_MODE_STORAGE_KEY, next)
    } catch {
      // Not remembered; the choice still applies now.
    }
  }, [])
  return [mode, choose]
}
