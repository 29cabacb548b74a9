// The consent page at GET /auth and its two buttons: what it shows, what it escapes, where it redirects.
import { describe, expect, it } from 'vitest'
import { CONSENT_TITLE } from './consent-page'
import { exchange, MINUTE, RFC_CHALLENGE, RFC_VERIFIER, useDouble, type DoubleFixture } from './test-support'

const fixture = useDouble()

interface PageForm {
  method: string
  action: string
  button: string
  fields: Record<string, string>
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)

/** The page's forms, read the way a browser would submit them. */
function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form method="([^"]*)" action="([^"]*)">(.*?)<\/form>/gs)].map(([, method, action, inner]) => ({
    method: method!,
    action: unescape(action!),
    button: /<button type="submit">([^<]*)<\/button>/.exec(inner!)?.[1] ?? '',
    fields: Object.fromEntries([...inner!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, name, value]) => [unescape(name!), unescape(value!)])),
  }))
}

function authUrl({ double }: DoubleFixture, params: Record<string, string>): string {
  return `${double.origin}/auth?${new URLSearchParams(params).toString()}`
}

async function openPage(params: Record<string, string>) {
  const response = await fetch(authUrl(fixture, params), { redirect: 'manual' })
  return { response, html: await response.text() }
}

async function submit(form: PageForm): Promise<Response> {
  return fetch(`${fixture.double.origin}${form.action}`, {
    method: form.method.toUpperCase(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
    redirect: 'manual',
  })
}

const pkce = { code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256' }

describe('the page', () => {
  it('names the app as host:port, shows the limit, and offers Authorize and Deny as form buttons', async () => {
    const { response, html } = await openPage({ callback_url: 'http://localhost:3000/callback', ...pkce, limit: '5' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(html).toContain(`<title>${CONSENT_TITLE}</title>`)
    expect(CONSENT_TITLE).toBe('Authorize application — OpenRouter (local double)')
    expect(html).toMatch(/<h1>Authorize localhost:3000<\/h1>/)
    expect(html).toContain('Credit limit for the new key: <strong>$5</strong>')
    const forms = formsOf(html)
    expect(forms.map((form) => [form.method, form.action, form.button])).toEqual([
      ['post', '/auth/decision', 'Authorize'],
      ['post', '/auth/decision', 'Deny'],
    ])
    expect(forms[0]!.fields).toEqual({ callback_url: 'http://localhost:3000/callback', ...pkce, limit: '5', decision: 'approve' })
    expect(forms[1]!.fields['decision']).toBe('deny')
  })

  it('is self-contained: no scripts, no links, no external resources', async () => {
    const { html } = await openPage({ callback_url: 'https://app.example/cb', ...pkce })
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i)
    expect(html).toContain('<h1>Authorize app.example</h1>')
    expect(html).toContain('The new key has no credit limit.')
  })

  it('escapes every reflected value: a <script> in callback_url or code_challenge is never raw', async () => {
    const hostileCallback = `https://evil.example/<script>alert(1)</script>?q="'&x=<b>`
    const hostileChallenge = `"><img src=x onerror=alert(1)>`
    const { response, html } = await openPage({ callback_url: hostileCallback, code_challenge: hostileChallenge, code_challenge_method: 'plain' })
    expect(response.status).toBe(200)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Escaped, not mangled: the form posts back exactly what the app sent.
    expect(formsOf(html)[0]!.fields).toMatchObject({ callback_url: hostileCallback, code_challenge: hostileChallenge })
  })

  it('refuses a disallowed callback_url, method or limit with a 400 HTML page that reflects nothing raw', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { callback_url: 'http://example.com/cb' },
      { callback_url: 'javascript:alert(1)' },
      { callback_url: 'vscode://ext/callback' },
      { callback_url: 'https://a.example/\r\nSet-Cookie: x=1' },
      { callback_url: 'http://localhost:3000/cb', code_challenge: 'c', code_challenge_method: 'S512<script>' },
      { callback_url: 'http://localhost:3000/cb', limit: '0' },
      { callback_url: 'http://localhost:3000/cb', limit: '-5' },
      { callback_url: 'http://localhost:3000/cb', limit: '<script>' },
    ]
    for (const params of cases) {
      const { response, html } = await openPage(params)
      expect(response.status, JSON.stringify(params)).toBe(400)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(html).toContain('Cannot authorize')
      expect(html).not.toContain('<script')
      expect(formsOf(html)).toEqual([])
    }
    expect(fixture.double.issuedCodes()).toEqual([])
  })

  it('accepts http on localhost, 127.0.0.1 and [::1] on any port, and https anywhere', async () => {
    for (const callbackUrl of ['http://localhost:51423/cb', 'http://127.0.0.1:1/cb', 'http://[::1]:8080/cb', 'https://app.example:444/x']) {
      expect((await openPage({ callback_url: callbackUrl })).response.status, callbackUrl).toBe(200)
    }
  })
})

describe('Authorize', () => {
  it('redirects (303, after the POST) to callback_url with a code bound to the challenge and the limit', async () => {
    const { double } = fixture
    const { html } = await openPage({ callback_url: 'http://localhost:3000/callback', ...pkce, limit: '5' })
    const decision = await submit(formsOf(html)[0]!)
    expect(decision.status).toBe(303)
    const location = decision.headers.get('location')!
    expect(location).toMatch(/^http:\/\/localhost:3000\/callback\?code=auth_code_[A-Za-z0-9_-]+$/)
    const code = new URL(location).searchParams.get('code')!
    expect(double.issuedCodes()).toEqual([code])
    expect((await exchange(double, { code, code_verifier: 'wrong', code_challenge_method: 'S256' })).status).toBe(403)
    expect((await exchange(double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).status).toBe(200)
    expect(double.keys()).toEqual([expect.objectContaining({ limit: 5, limitReset: null })])
  })

  it('appends with & when the callback has a query, keeps a fragment last, and leaves the rest byte for byte', async () => {
    const callbackUrl = 'http://127.0.0.1:4000/cb?state=a%20b&x=1#frag'
    const { html } = await openPage({ callback_url: callbackUrl, ...pkce })
    const location = (await submit(formsOf(html)[0]!)).headers.get('location')!
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:4000\/cb\?state=a%20b&x=1&code=auth_code_[A-Za-z0-9_-]+#frag$/)
  })

  it('the code expires 10 minutes after the click', async () => {
    const { html } = await openPage({ callback_url: 'http://localhost:3000/cb', ...pkce })
    const code = new URL((await submit(formsOf(html)[0]!)).headers.get('location')!).searchParams.get('code')!
    fixture.clock += 10 * MINUTE
    expect(await exchange(fixture.double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).toMatchObject({
      status: 403,
      json: { error: { message: 'Authorization code expired' } },
    })
  })

  it('a challenge without a method is stored as plain', async () => {
    const { html } = await openPage({ callback_url: 'http://localhost:3000/cb', code_challenge: 'plain-challenge' })
    expect(formsOf(html)[0]!.fields['code_challenge_method']).toBe('plain')
    const code = new URL((await submit(formsOf(html)[0]!)).headers.get('location')!).searchParams.get('code')!
    expect((await exchange(fixture.double, { code, code_verifier: 'plain-challenge', code_challenge_method: 'plain' })).status).toBe(200)
  })
})

describe('Deny', () => {
  it('redirects (303, after the POST) to callback_url with error=access_denied and issues no code', async () => {
    const { double } = fixture
    const { html } = await openPage({ callback_url: 'http://localhost:3000/callback?x=1', ...pkce })
    const decision = await submit(formsOf(html)[1]!)
    expect(decision.status).toBe(303)
    expect(decision.headers.get('location')).toBe('http://localhost:3000/callback?x=1&error=access_denied')
    expect(double.issuedCodes()).toEqual([])
    expect(double.keys()).toEqual([])
  })
})

describe('a forged decision', () => {
  it('is refused when the decision or the callback is not one the page could have sent', async () => {
    const { html } = await openPage({ callback_url: 'http://localhost:3000/cb', ...pkce })
    const approve = formsOf(html)[0]!
    expect((await submit({ ...approve, fields: { ...approve.fields, decision: 'maybe' } })).status).toBe(400)
    expect((await submit({ ...approve, fields: { ...approve.fields, callback_url: 'http://evil.example/cb' } })).status).toBe(400)
    expect(fixture.double.issuedCodes()).toEqual([])
  })
})

describe('consent modes', () => {
  it('auto-approve redirects at once with a working code carrying the limit', async () => {
    const { double } = fixture
    double.setConsentMode('auto-approve')
    const { response } = await openPage({ callback_url: 'http://localhost:3000/cb', ...pkce, limit: '2.5' })
    expect(response.status).toBe(302)
    const code = new URL(response.headers.get('location')!).searchParams.get('code')!
    expect((await exchange(double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).status).toBe(200)
    expect(double.keys()).toEqual([expect.objectContaining({ limit: 2.5 })])
  })

  it('auto-deny redirects at once with error=access_denied', async () => {
    fixture.double.setConsentMode('auto-deny')
    const { response } = await openPage({ callback_url: 'http://localhost:3000/cb', ...pkce })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://localhost:3000/cb?error=access_denied')
    expect(fixture.double.issuedCodes()).toEqual([])
  })

  it('the auto modes still refuse a disallowed callback_url, and page mode comes back', async () => {
    const { double } = fixture
    double.setConsentMode('auto-approve')
    expect((await openPage({ callback_url: 'http://example.com/cb' })).response.status).toBe(400)
    double.setConsentMode('page')
    expect((await openPage({ callback_url: 'http://localhost:3000/cb' })).response.status).toBe(200)
  })
})
