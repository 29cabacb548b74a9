// The stand-in for openrouter.ai/auth: the page a person sees to approve or deny the app.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!)

export interface ConsentRequest {
  callbackUrl: string
  codeChallenge: string
  codeChallengeMethod: string
  limit: string
}

export function renderConsentPage(request: ConsentRequest): string {
  const app = new URL(request.callbackUrl).host
  const hidden = Object.entries({
    callback_url: request.callbackUrl,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallengeMethod,
    limit: request.limit,
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('')
  const limitLine = request.limit ? `<p>Credit limit for the new key: $${escape(request.limit)}</p>` : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize application — OpenRouter (local double)</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}form{display:inline}button{font:inherit;padding:.5rem 1rem;margin-right:.5rem}</style></head>
<body><main><h1>Authorize ${escape(app)}</h1><p>${escape(app)} wants an API key for your OpenRouter account.</p>${limitLine}
<form method="post" action="/auth/decision">${hidden}<input type="hidden" name="decision" value="approve"><button type="submit">Authorize</button></form>
<form method="post" action="/auth/decision">${hidden}<input type="hidden" name="decision" value="deny"><button type="submit">Deny</button></form>
<p><small>Local OpenRouter stand-in used by tests and the demo.</small></p></main></body></html>`
}

export function renderConsentError(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error — OpenRouter (local double)</title></head><body><h1>Cannot authorize</h1><p>${escape(message)}</p></body></html>`
}
