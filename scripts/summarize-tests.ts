// Adds up Vitest's and Playwright's JSON reports into one closing line: "tests: N passed, N failed, N skipped".
// Skipped tests are counted apart, never as passed. A test file that failed to load (its tests never ran) counts
// as a failure and is named, so the line can never read "0 failed" while tests were silently lost.
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface Totals {
  passed: number
  failed: number
  skipped: number
  /** Test files that did not load, relative to the repository, with the first line of the reason. */
  notLoaded: string[]
}

interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults?: Array<{ name: string; status: string; message?: string; assertionResults: Array<{ status: string }> }>
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
  errors?: Array<{ message?: string; stack?: string; location?: { file: string } }>
}

const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0]!.trim()
const shown = (file: string, root: string) => (isAbsolute(file) ? relative(root, file) : file)

export function vitestTotals(report: VitestReport, root: string): Totals {
  const notLoaded: string[] = []
  let failedFiles = 0
  for (const file of report.testResults ?? []) {
    if (file.status !== 'failed' || file.assertionResults.some((test) => test.status === 'failed')) continue
    // A failed file whose own tests did not fail: it failed to load (no tests ran) or outside any test (a hook).
    failedFiles += 1
    const what = file.assertionResults.length === 0 ? '' : ' (failed outside its tests)'
    notLoaded.push(`${shown(file.name, root)}${what}: ${firstLine(file.message)}`)
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedFiles,
    skipped: report.numPendingTests + report.numTodoTests,
    notLoaded,
  }
}

export function playwrightTotals(report: PlaywrightReport, root: string): Totals {
  // Errors outside any test are load errors (a spec that does not compile or import): no test of the run ran.
  const notLoaded = (report.errors ?? []).map((error) => {
    const text = error.message ?? error.stack ?? ''
    const file = error.location?.file ?? /\S+\.spec\.ts/.exec(text.replace(/.*imported from /s, ''))?.[0] ?? 'a spec file'
    return `${shown(file, root)}: ${firstLine(text)}`
  })
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + notLoaded.length,
    skipped: report.stats.skipped,
    notLoaded,
  }
}

export interface Summary {
  lines: string[]
  ok: boolean
}

/** The summary's lines and whether the run passed; `null` for a runner that wrote no report. */
export function summarize(reports: { vitest: VitestReport | null; playwright: PlaywrightReport | null }, root: string): Summary {
  const lines: string[] = []
  const total = { passed: 0, failed: 0, skipped: 0, notLoaded: [] as string[] }
  let missing = false
  for (const [name, part] of [
    ['vitest', reports.vitest && vitestTotals(reports.vitest, root)],
    ['playwright', reports.playwright && playwrightTotals(reports.playwright, root)],
  ] as const) {
    if (!part) {
      lines.push(`summary: no ${name} report (the runner did not finish)`)
      missing = true
      continue
    }
    const loadNote = part.notLoaded.length > 0 ? ` (${part.notLoaded.length} file${part.notLoaded.length === 1 ? '' : 's'} not loaded)` : ''
    lines.push(`${name}: ${part.passed} passed, ${part.failed} failed, ${part.skipped} skipped${loadNote}`)
    for (const entry of part.notLoaded) lines.push(`not loaded: ${entry}`)
    total.passed += part.passed
    total.failed += part.failed
    total.skipped += part.skipped
    total.notLoaded.push(...part.notLoaded)
  }
  const loadNote = total.notLoaded.length > 0 ? `, ${total.notLoaded.length} not loaded` : ''
  lines.push(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped${loadNote}`)
  return { lines, ok: !missing && total.failed === 0 && total.passed > 0 }
}

function readReport<T>(path: string | undefined): T | null {
  return path && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [vitestPath, playwrightPath] = process.argv.slice(2)
  const summary = summarize({ vitest: readReport(vitestPath), playwright: readReport(playwrightPath) }, process.cwd())
  for (const line of summary.lines) (line.startsWith('summary:') ? console.error : console.log)(line)
  process.exit(summary.ok ? 0 : 1)
}
