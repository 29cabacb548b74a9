import { describe, expect, it } from 'vitest'
import { createCrashPolicy } from '../../../main/core/diagnostics/crash-policy'
import { CRASH_PAGE_ACTIONS, crashPageActionOf, crashPageActionUrl, crashPageUrl } from '../../../main/core/diagnostics/crash-page'

describe('crash policy', () => {
  it('reloads after the first crash, then shows the crash page every time; clean exits are not crashes', () => {
    const policy = createCrashPolicy()
    expect(policy.processGone('clean-exit')).toBe('none')
    expect(policy.processGone('crashed')).toBe('reload')
    expect(policy.processGone('clean-exit')).toBe('none')
    expect(policy.processGone('oom')).toBe('show-crash-page')
    expect(policy.processGone('killed')).toBe('show-crash-page')
  })

  it('shows only the first error in main', () => {
    const policy = createCrashPolicy()
    expect([policy.mainError(), policy.mainError(), policy.mainError()]).toEqual([true, false, false])
  })
})

describe('crash page', () => {
  it('is a script-free page with Reload and Open logs folder, whose links the shell recognises', () => {
    const html = decodeURIComponent(crashPageUrl().replace(/^data:text\/html;charset=utf-8,/, ''))
    expect(html).not.toMatch(/<script/i)
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/)
    for (const action of CRASH_PAGE_ACTIONS) {
      expect(html).toContain(`href="${crashPageActionUrl(action)}"`)
      expect(crashPageActionOf(crashPageActionUrl(action))).toBe(action)
    }
    expect(html).toMatch(/>Reload<\/a><a [^>]*>Open logs folder</)
  })

  it('ignores every other URL', () => {
    for (const url of ['app://bundle/index.html', 'app://bundle/crash-page/format-disk', 'https://evil.example/crash-page/reload', 'app://bundle/crash-page/reload/x', '']) {
      expect(crashPageActionOf(url)).toBeNull()
    }
  })
})
