// The closing summary line of `npm test` against real reports: a Vitest run in which one test file failed to load
// (Vitest itself counts "3 passed, 0 failed" there), and a Playwright run stopped by a spec that failed to load.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { summarize } from '../../scripts/summarize-tests'

const fixture = <T>(name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T
const vitestNotLoaded = fixture<Parameters<typeof summarize>[0]['vitest']>('vitest-file-not-loaded.json')!
const playwrightNotLoaded = fixture<Parameters<typeof summarize>[0]['playwright']>('playwright-file-not-loaded.json')!
const cleanPlaywright = { stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 2 }, errors: [] }

describe('test summary', () => {
  it('counts a Vitest file that failed to load as a failure and names it', () => {
    const summary = summarize({ vitest: vitestNotLoaded, playwright: cleanPlaywright }, '/repo')
    expect(summary.ok).toBe(false)
    expect(summary.lines).toEqual([
      'vitest: 3 passed, 1 failed, 0 skipped (1 file not loaded)',
      "not loaded: test/core/fails-to-load.test.ts: Cannot find module './does-not-exist' imported from /repo/test/core/fails-to-load.test.ts",
      'playwright: 5 passed, 0 failed, 2 skipped',
      'tests: 8 passed, 1 failed, 2 skipped, 1 not loaded',
    ])
  })

  it('counts a Playwright spec that failed to load (nothing ran) as a failure and names it', () => {
    const vitestClean = { ...vitestNotLoaded, testResults: vitestNotLoaded.testResults!.filter((file) => file.status === 'passed') }
    const summary = summarize({ vitest: vitestClean, playwright: playwrightNotLoaded }, '/repo')
    expect(summary.ok).toBe(false)
    expect(summary.lines).toContain('playwright: 0 passed, 1 failed, 0 skipped (1 file not loaded)')
    expect(summary.lines).toContain("not loaded: test/e2e/fails-to-load.spec.ts: Error: Cannot find module '/repo/test/e2e/nope' imported from /repo/test/e2e/fails-to-load.spec.ts")
    expect(summary.lines.at(-1)).toBe('tests: 3 passed, 1 failed, 0 skipped, 1 not loaded')
  })

  it('passes a clean run, and fails one with a missing report', () => {
    const vitestClean = { ...vitestNotLoaded, testResults: vitestNotLoaded.testResults!.filter((file) => file.status === 'passed') }
    expect(summarize({ vitest: vitestClean, playwright: cleanPlaywright }, '/repo')).toEqual({
      lines: ['vitest: 3 passed, 0 failed, 0 skipped', 'playwright: 5 passed, 0 failed, 2 skipped', 'tests: 8 passed, 0 failed, 2 skipped'],
      ok: true,
    })
    expect(summarize({ vitest: vitestClean, playwright: null }, '/repo').ok).toBe(false)
  })
})
