// What the Help menu tells people about orkm, and the README's "Command line" section, kept true to the code.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exitCodeTable } from '../../main/cli/exit-codes'
import { CLI_INSTALL_COMMAND, commandLineToolHelp } from '../../main/core/app/command-line-tool'

const root = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> }
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const commandLineSection = readme.split(/^## /m).find((section) => section.startsWith('Command line\n')) ?? ''

describe('getting orkm', () => {
  it('is the package’s bin, built by build and prepare, and shipped in the package', () => {
    expect(pkg.bin).toEqual({ orkm: 'out/cli/orkm.mjs' })
    expect(pkg.files).toContain('out/cli/')
    expect(pkg.scripts['build']).toContain('build:cli')
    expect(pkg.scripts['prepare']).toContain('build:cli')
  })

  it('the Help menu shows the install command from the project’s repository', () => {
    expect(CLI_INSTALL_COMMAND).toBe('npm install -g github:openrouter-key-manager/openrouter-key-manager')
    expect(commandLineToolHelp().detail).toContain(CLI_INSTALL_COMMAND)
    expect(commandLineToolHelp().detail).toMatch(/Node\.js 20\.19 or a later 20\.x, or 22\.12 or later/)
  })

  it('the README documents it after "Where your keys are", with the same install command and exit codes', () => {
    const headings: string[] = readme.match(/^## .*$/gm) ?? []
    expect(headings[headings.indexOf('## Where your keys are') + 1]).toBe('## Command line')
    expect(commandLineSection).toContain(CLI_INSTALL_COMMAND)
    expect(commandLineSection).toContain(exitCodeTable())
    expect(commandLineSection).toMatch(/macOS may ask once/)
  })
})
