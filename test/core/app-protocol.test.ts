import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppProtocolRequest } from '../../main/core/app-protocol'

const ROOT = '/opt/app/out/renderer'

describe('app:// protocol resolution', () => {
  it('serves the renderer’s files with their MIME types, index.html for /', () => {
    expect(resolveAppProtocolRequest('app://bundle/', ROOT)).toEqual({ filePath: join(ROOT, 'index.html'), mimeType: 'text/html; charset=utf-8' })
    expect(resolveAppProtocolRequest('app://bundle/assets/index-abc.js', ROOT)).toEqual({
      filePath: join(ROOT, 'assets/index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    })
  })

  it.each([
    ['app://bundle/../main/index.js', 403],
    ['app://bundle/%2e%2e/%2e%2e/etc/passwd', 403],
    ['app://bundle/assets%2f..%2f..%2fsecret.js', 403],
    ['app://bundle/a%5c..%5cb.js', 403],
    ['app://bundle/a%00.js', 403],
    ['app://other/index.html', 404],
    ['file:///etc/passwd', 404],
    ['app://bundle/readme.txt', 404],
    ['app://bundle/%E0%A4%A', 404],
  ] as const)('refuses %s', (url, status) => {
    expect(resolveAppProtocolRequest(url, ROOT)).toEqual({ status })
  })
})
