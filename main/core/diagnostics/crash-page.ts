// The page shown after a second crash: plain HTML, no script, two links the shell intercepts. The links point
// at the app's own origin, so nothing outside the app is ever reached even if a click were not intercepted.
import { APP_PROTOCOL_ORIGIN } from '../app/app-protocol'

export const CRASH_PAGE_ACTIONS = ['reload', 'open-logs'] as const
export type CrashPageAction = (typeof CRASH_PAGE_ACTIONS)[number]

const ACTION_PREFIX = `${APP_PROTOCOL_ORIGIN}/crash-page/`

export function crashPageActionUrl(action: CrashPageAction): string {
  return `${ACTION_PREFIX}${action}`
}

/** The action a navigation from the crash page asks for, or null for any other URL. */
export function crashPageActionOf(url: string): CrashPageAction | null {
  if (!url.startsWith(ACTION_PREFIX)) return null
  const action = url.slice(ACTION_PREFIX.length)
  return (CRASH_PAGE_ACTIONS as readonly string[]).includes(action) ? (action as CrashPageAction) : null
}

const STYLE =
  'body{font:15px system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#0f172a;color:#e2e8f0}' +
  'main{max-width:30rem;padding:2rem}h1{font-size:1.3rem}a{display:inline-block;margin:.5rem .75rem 0 0;padding:.5rem 1rem;border-radius:.4rem;background:#334155;color:#f8fafc;text-decoration:none}' +
  'a:focus{outline:2px solid #93c5fd}'

/** A data: URL, loaded by main into the crashed window. */
export function crashPageUrl(): string {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>OpenRouter Key Manager stopped</title><style>${STYLE}</style></head><body><main>` +
    '<h1>The window stopped working</h1>' +
    '<p>It stopped twice. Your keys are safe in the keychain. Reload to try again; the log says what happened.</p>' +
    `<a href="${crashPageActionUrl('reload')}">Reload</a><a href="${crashPageActionUrl('open-logs')}">Open logs folder</a>` +
    '</main></body></html>'
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`
}
