// Entry: mounts the app on the preload's `window.orkm`.
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
      <App api={window.orkm} />
    </StrictMode>,
  )
}
