// The small page the browser shows after the redirect: self-contained, no scripts, and no reflected input.

export interface CallbackPage {
  ok: boolean
  heading: string
  detail: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!)
}

export const CALLBACK_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export function renderCallbackPage(page: CallbackPage): string {
  const accent = page.ok ? '#15803d' : '#b91c1c'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)} — OpenRouter Key Manager</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#f8fafc;color:#0f172a}
main{max-width:28rem;padding:2rem;border-radius:12px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.25rem;margin:0 0 .5rem;color:${accent}}
p{margin:0}
@media (prefers-color-scheme:dark){body{background:#0f172a;color:#e2e8f0}main{background:#1e293b}}
</style></head>
<body><main><h1>${escapeHtml(page.heading)}</h1><p>${escapeHtml(page.detail)}</p></main></body></html>
`
}

export const PAGES = {
  notFound: { ok: false, heading: 'Not found', detail: 'This address is not part of a sign-in.' },
  malformed: {
    ok: false,
    heading: 'This sign-in link is not valid',
    detail: 'Go back to OpenRouter Key Manager and start the connection again if it does not finish.',
  },
  refused: { ok: false, heading: 'Request refused', detail: 'This request did not come from a sign-in in your browser.' },
  alreadyUsed: {
    ok: false,
    heading: 'This sign-in was already handled',
    detail: 'You can close this tab and return to OpenRouter Key Manager.',
  },
  connected: { ok: true, heading: 'Connected — you can close this tab', detail: 'Your key is saved. Return to OpenRouter Key Manager.' },
  methodNotAllowed: { ok: false, heading: 'Not allowed', detail: 'This address only accepts the browser’s sign-in redirect.' },
} satisfies Record<string, CallbackPage>
