// The browser half of the flow, at the origin as on openrouter.ai: GET /auth shows the consent page (or
// decides at once in the auto modes), and the page's buttons post to /auth/decision, which redirects back
// to the app's callback_url.
import type { ServerResponse } from 'node:http'
import { appendQueryParam } from '../callback-url'
import { renderConsentError, renderConsentPage } from '../consent-page'
import { parseConsentRequest, type ConsentRequest } from '../consent-request'
import type { DoubleContext, Handler } from '../context'
import { parseForm } from '../request-body'
import { redirect, sendHtml } from '../responses'

function decide(res: ServerResponse, request: ConsentRequest, approve: boolean, { state }: DoubleContext, status: 302 | 303): void {
  if (!approve) {
    // How the real service reports a denial is UNCONFIRMED (api-facts §1, §8): nothing documents an error
    // parameter. The double follows the OAuth 2.0 convention (RFC 6749 §4.1.2.1), error=access_denied.
    return redirect(res, appendQueryParam(request.callbackUrl, 'error', 'access_denied'), status)
  }
  const code = state.issueCode(request.codeChallenge, request.codeChallengeMethod, request.limit === null ? {} : { limit: request.limit })
  redirect(res, appendQueryParam(request.callbackUrl, 'code', code), status)
}

export const handleConsentPage: Handler = (request, res, context) => {
  const parsed = parseConsentRequest(request.url.searchParams)
  if (!parsed.ok) return sendHtml(res, 400, renderConsentError(parsed.message))
  const mode = context.settings.consentMode
  if (mode === 'auto-approve' || mode === 'auto-deny') return decide(res, parsed.request, mode === 'auto-approve', context, 302)
  sendHtml(res, 200, renderConsentPage(parsed.request))
}

export const handleConsentDecision: Handler = (request, res, context) => {
  const form = parseForm(request.text)
  const parsed = parseConsentRequest(form)
  if (!parsed.ok) return sendHtml(res, 400, renderConsentError(parsed.message))
  const decision = form.get('decision')
  if (decision !== 'approve' && decision !== 'deny') return sendHtml(res, 400, renderConsentError('Choose Authorize or Deny.'))
  decide(res, parsed.request, decision === 'approve', context, 303)
}
