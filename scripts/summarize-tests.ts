// Adds up Vitest's and Playwright's JSON reports into one closing line: "tests: N passed, N failed, N skipped".
// Skipped tests are counted apart, never as passed.
import { existsSync, readFileSync } from 'node:fs'

interface Totals {
  passed: number
  failed: number
  skipped: number
}

function vitestTotals(path: string): Totals {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
}

function playwrightTotals(path: string): Totals {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped }
}

const [vitestPath, playwrightPath] = process.argv.slice(2)
const totals: Totals = { passed: 0, failed: 0, skipped: 0 }
let missing = false
for (const [path, read, name] of [
  [vitestPath, vitestTotals, 'vitest'],
  [playwrightPath, playwrightTotals, 'playwright'],
] as const) {
  if (!path || !existsSync(path)) {
    console.error(`summary: no ${name} report (the runner did not finish)`)
    missing = true
    continue
  }
  const part = read(path)
  console.log(`${name}: ${part.passed} passed, ${part.failed} failed, ${part.skipped} skipped`)
  totals.passed += part.passed
  totals.failed += part.failed
  totals.skipped += part.skipped
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(missing || totals.failed > 0 || totals.passed === 0 ? 1 : 0)
