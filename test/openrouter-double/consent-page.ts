// The stand-in for openrouter.ai/auth: a self-contained page (no scripts, no external resources) where a
// person, or Playwright, approves or denies the app. Every reflected value goes through escapeHtml.
import { appName } from './callback-url'
import { consentFields, type ConsentRequest } from './consent-request'

export const CONSENT_TITLE = 'Authorize application — OpenRouter (local double)'
export const DECISION_PATH = '/auth/decision'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!)
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#111}' +
  'form{display:inline}button{font:inherit;padding:.5rem 1.25rem;margin:0 .5rem .5rem 0;cursor:pointer}' +
  'code{word-break:break-all}small{color:#555}'

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`
}

function decisionForm(request: ConsentRequest, decision: 'approve' | 'deny', label: string): string {
  const hidden = [...consentFields(request), ['decision', decision] as const]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('')
  return `<form method="post" action="${DECISION_PATH}">${hidden}<button type="submit">${label}</button></form>`
}

export function renderConsentPage(request: ConsentRequest): string {
  const app = escapeHtml(appName(request.callbackUrl))
  const limitLine =
    request.limit === null ? '<p>The new key has no credit limit.</p>' : `<p>Credit limit for the new key: <strong>$${escapeHtml(String(request.limit))}</strong></p>`
  return layout(
    CONSENT_TITLE,
    `<h1>Authorize ${app}</h1>
<p><strong>${app}</strong> is asking for an API key for your OpenRouter account.</p>
${limitLine}
<p><small>You will be sent back to <code>${escapeHtml(request.callbackUrl)}</code></small></p>
${decisionForm(request, 'approve', 'Authorize')}
${decisionForm(request, 'deny', 'Deny')}
<p><small>Local OpenRouter stand-in used by tests and the demo. No real account is involved.</small></p>`,
  )
}

export function renderConsentError(message: string): string {
  return layout('Cannot authorize — OpenRouter (local double)', `<h1>Cannot authorize</h1><p>${escapeHtml(message)}</p>`)
}
