import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportProblemUrl } from '../../../main/core/diagnostics/report-problem'

const { homepage, version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { homepage: string; version: string }
const facts = { homepage, appVersion: version, platform: 'darwin' as const, osRelease: '24.1.0', arch: 'arm64', electronVersion: '45.5.0' }

describe('report a problem', () => {
  it('opens the new-issue page of the project’s homepage with version, OS and Electron version filled in', () => {
    const url = new URL(reportProblemUrl(facts))
    expect(`${url.origin}${url.pathname}`).toBe(`${homepage}/issues/new`)
    expect([...url.searchParams.keys()]).toEqual(['body'])
    const body = url.searchParams.get('body')!
    expect(body).toContain(`- App version: ${version}`)
    expect(body).toContain('- OS: macOS 24.1.0 (arm64)')
    expect(body).toContain('- Electron: 45.5.0')
  })

  it('carries nothing but those facts: the body is the fixed template around them', () => {
    const body = new URL(reportProblemUrl({ ...facts, homepage: `${homepage}/` })).searchParams.get('body')!
    const withoutFacts = body.replace(version, 'V').replace('macOS 24.1.0 (arm64)', 'OS').replace('45.5.0', 'E')
    expect(withoutFacts).toBe('**What happened**\n\n\n**What you expected**\n\n\n**Steps to reproduce**\n\n\n---\n- App version: V\n- OS: OS\n- Electron: E')
  })
})
