import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PROTOCOL_ORIGIN, RENDERER_CSP, resolveAppProtocolRequest } from '../../../main/core/app/app-protocol'

const ROOT = '/opt/app/resources/app.asar/out/renderer'

describe('app:// protocol resolution', () => {
  it('serves the renderer’s files with their MIME types, and index.html for the bare origin', () => {
    const html = { filePath: join(ROOT, 'index.html'), mimeType: 'text/html; charset=utf-8' }
    expect(resolveAppProtocolRequest('app://bundle/', ROOT)).toEqual(html)
    expect(resolveAppProtocolRequest('app://bundle', ROOT)).toEqual(html)
    expect(resolveAppProtocolRequest(`${APP_PROTOCOL_ORIGIN}/index.html`, ROOT)).toEqual(html)
    expect(resolveAppProtocolRequest('app://bundle/index.html?x=1#top', ROOT)).toEqual(html)
    expect(resolveAppProtocolRequest('app://bundle/assets/index-abc.js', ROOT)).toEqual({
      filePath: join(ROOT, 'assets/index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    })
  })

  it.each([
    ['assets/a.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['data.json', 'application/json'],
    ['fonts/inter.woff2', 'font/woff2'],
  ])('types %s as %s', (file, mimeType) => {
    expect(resolveAppProtocolRequest(`app://bundle/${file}`, ROOT)).toEqual({ filePath: join(ROOT, file), mimeType })
  })

  it('decodes percent-encoding exactly once', () => {
    expect(resolveAppProtocolRequest('app://bundle/assets/my%20file.js', ROOT)).toMatchObject({ filePath: join(ROOT, 'assets/my file.js') })
    // %252e%252e decodes to the literal text "%2e%2e": a harmless (missing) name inside the folder, not "..".
    expect(resolveAppProtocolRequest('app://bundle/%252e%252e/x.js', ROOT)).toMatchObject({ filePath: join(ROOT, '%2e%2e/x.js') })
  })

  it.each([
    ['a raw .. segment', 'app://bundle/../main/index.js'],
    ['a raw .. segment deeper in', 'app://bundle/assets/../../main/index.js'],
    ['an encoded ..', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'],
    ['a mixed-case encoded ..', 'app://bundle/%2E./secret.js'],
    ['encoded slashes around ..', 'app://bundle/assets%2f..%2f..%2fsecret.js'],
    ['a . segment', 'app://bundle/./index.html'],
    ['an encoded backslash', 'app://bundle/a%5c..%5cb.js'],
    ['a raw backslash', 'app://bundle/a\\b.js'],
    ['an encoded NUL', 'app://bundle/index.html%00.js'],
  ])('forbids %s (403)', (_what, url) => {
    expect(resolveAppProtocolRequest(url, ROOT)).toEqual({ status: 403 })
  })

  it.each([
    ['another host', 'app://other/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['credentials', 'app://user:pw@bundle/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an https look-alike', 'https://bundle/index.html'],
    ['an unknown file type', 'app://bundle/readme.txt'],
    ['a source map', 'app://bundle/assets/index.js.map'],
    ['a folder', 'app://bundle/assets/'],
    ['broken percent-encoding', 'app://bundle/%E0%A4%A'],
    ['not a URL', 'not a url'],
  ])('does not find %s (404)', (_what, url) => {
    expect(resolveAppProtocolRequest(url, ROOT)).toEqual({ status: 404 })
  })

  it('sends the strict policy the brief asks for (the browser harness serves the renderer under this same constant)', () => {
    expect(RENDERER_CSP.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ])
  })
})
