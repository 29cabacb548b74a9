// Entry: mounts the app on the preload's `window.orkm`.
// First, before React is evaluated: ask main for the key list (see early-list.ts).
import { takeEarlyList } from './startup/first-request'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')!
if (typeof window.orkm === 'undefined') {
  root.textContent = 'OpenRouter Key Manager must be opened from the app: its bridge to the main process is missing.'
} else {
  createRoot(root).render(
    <StrictMode>
      <App api={window.orkm} takeEarlyList={takeEarlyList} />
    </StrictMode>,
  )
}
