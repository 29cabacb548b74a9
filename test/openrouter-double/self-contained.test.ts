// A fresh clone has nothing beside the repository: tests and scripts must find their spec files inside it.
// This guards the rule: no source, test, script or config reads the reference folder next to the project, and the
// spec excerpts the tests use are vendored here with their source named.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MANAGEMENT_SPEC_PATH, SPEC_PATH } from './spec-validator'

const REPO_ROOT = join(import.meta.dirname, '../..')
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist', 'dist-e2e', 'test-results', 'playwright-report', '.demo-data', 'docs', 'build'])
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|ya?ml|sh|html|css|md)$|^run$/
// Built from parts so this file does not match itself: a parent-relative path to the reference folder, or a path into it.
const FOLDER = ['sha', 'red'].join('')
const OUTSIDE_READ = new RegExp(`\\.\\./${FOLDER}\\b|\\b${FOLDER}/(?:openrouter|seed|design|research|hooks)/`)

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return SKIPPED_DIRECTORIES.has(name) ? [] : sourceFiles(path)
    return TEXT_FILE.test(name) ? [path] : []
  })
}

describe('the repository is self-contained', () => {
  it('no source, test, script or config reads the reference folder beside the project', () => {
    const files = sourceFiles(REPO_ROOT).filter((path) => !path.endsWith(`${sep}README.md`))
    expect(files.length).toBeGreaterThan(100) // the walk really covered the tree
    const offenders = files.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => OUTSIDE_READ.test(line))
        .map(({ index }) => `${relative(REPO_ROOT, path)}:${index + 1}`),
    )
    expect(offenders).toEqual([])
  })

  it('the spec excerpts the tests use live inside the repository and name their source', () => {
    for (const specPath of [SPEC_PATH, MANAGEMENT_SPEC_PATH]) {
      expect(relative(REPO_ROOT, specPath).startsWith('..')).toBe(false)
      const header = readFileSync(specPath, 'utf8').split('\n').slice(0, 4).join('\n')
      expect(header).toMatch(/OpenRouterTeam\/typescript-sdk/)
      expect(header).toMatch(/\.speakeasy\/in\.openapi\.yaml/)
      expect(header).toMatch(/cb9393a896016155780a7fd04d3429ee2317b608/)
    }
  })
})
