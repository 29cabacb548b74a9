import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { assignmentFor, defaultShellFor, isEnvVarName, quoteForShell, SHELLS, ShellQuoteError } from '../../../main/core/base/shell-quote'

const work = mkdtempSync(join(tmpdir(), 'orkm-quote-'))
const canary = join(work, 'canary')
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Values a server could send that would run something, or change the value, if quoted wrongly. */
const HOSTILE = [
  '',
  ' ',
  "it's",
  "''",
  '"double"',
  '$(touch CANARY)',
  '`touch CANARY`',
  '${HOME}',
  '$HOME',
  'a\nb',
  'line\r\nbreak',
  'trailing\n',
  '%PATH%',
  '!PATH!',
  '^',
  'a & b',
  'a | b',
  'a; touch CANARY',
  '> out',
  '(sub)',
  '\\',
  "\\'",
  'back\\slash\\',
  '*',
  '~',
  '#comment',
  '-n',
  'ünïcödé ✓ 𝄞 中文',
  '‘curly’ ‚low‛',
  "$env:PATH'; touch CANARY; '",
  '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',
].map((value) => value.replaceAll('CANARY', canary))

/** Runs every `sh` assignment through one real `sh` and reads back what each variable holds. */
function throughSh(values: string[]): string[] {
  const script = values.map((value) => `${assignmentFor('sh', 'ORKM_V', value)}\nprintf '%s\\0' "$ORKM_V"`).join('\n')
  // In the throw-away folder: a broken quoting must not leave redirected files in the repository.
  const output = execFileSync('sh', ['-c', script], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH } })
  return output.split('\0').slice(0, -1)
}

/** PowerShell's single-quoted literal, decoded as its tokenizer does (any of its four quote characters, doubled). */
function decodePowerShellLiteral(literal: string): string {
  const isQuote = (char: string | undefined) => char !== undefined && /['\u2018\u2019\u201A\u201B]/.test(char)
  expect(isQuote(literal[0])).toBe(true)
  let value = ''
  for (let i = 1; i < literal.length; i += 1) {
    if (isQuote(literal[i])) {
      if (isQuote(literal[i + 1])) {
        value += literal[i + 1]
        i += 1
        continue
      }
      // The literal ends here; anything after it would be read as code.
      expect(i).toBe(literal.length - 1)
      return value
    }
    value += literal[i]
  }
  throw new Error('unterminated literal')
}

describe('shell quoting', () => {
  it('accepts only portable variable names', () => {
    for (const name of ['OPENROUTER_API_KEY', '_x', 'A1', 'a']) expect(isEnvVarName(name)).toBe(true)
    for (const name of ['', '1A', 'A-B', 'A B', 'A=B', 'A$', 'É', 'A\n', '$(x)']) expect(isEnvVarName(name)).toBe(false)
    for (const shell of SHELLS) expect(() => assignmentFor(shell, 'A;rm', 'v')).toThrow(ShellQuoteError)
  })

  it('sets exactly the hostile value through a real sh, and runs nothing', () => {
    expect(throughSh(HOSTILE)).toEqual(HOSTILE)
    expect(existsSync(canary)).toBe(false)
  })

  it('sets exactly any string through a real sh', () => {
    const unit = fc.oneof(fc.constantFrom(...'\'"$`\\\n\r\t();&|<>!%^*?~#{}[] '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
    const values = fc.sample(fc.string({ unit, maxLength: 40 }).filter((value) => !value.includes('\0')), 300)
    // sh speaks bytes: a lone surrogate cannot be written as UTF-8, so compare what survives encoding.
    const wellFormed = values.filter((value) => Buffer.from(value, 'utf8').toString('utf8') === value)
    expect(throughSh(wellFormed)).toEqual(wellFormed)
  })

  it('writes the forms each shell expects', () => {
    expect(assignmentFor('sh', 'K', "it's")).toBe(`export K='it'\\''s'`)
    expect(assignmentFor('fish', 'K', "it's \\ $x")).toBe(`set -gx K 'it\\'s \\\\ $x'`)
    expect(assignmentFor('powershell', 'K', "it's $x ‘q’")).toBe(`$env:K = 'it''s $x ‘‘q’’'`)
    expect(assignmentFor('cmd', 'K', 'a & b | c ^ <d> (e)')).toBe(`set "K=a & b | c ^ <d> (e)"`)
  })

  it('gives PowerShell one literal that decodes to the value, whatever quotes it holds', () => {
    for (const value of HOSTILE) expect(decodePowerShellLiteral(quoteForShell('powershell', value))).toBe(value)
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '‘', '’', '‚', '‛', '$', '`', '"', 'a', '\n') }), (value) => {
        expect(decodePowerShellLiteral(quoteForShell('powershell', value))).toBe(value)
      }),
    )
  })

  it('gives fish one literal where only \\\\ and \\\' are escapes', () => {
    for (const value of HOSTILE) {
      const literal = quoteForShell('fish', value)
      const body = literal.slice(1, -1)
      // Every quote or backslash in the body is escaped, so the literal cannot end early.
      expect(body.replace(/\\[\\']/g, '')).not.toMatch(/[\\']/)
      expect(body.replace(/\\([\\'])/g, '$1')).toBe(value)
    }
  })

  it('refuses what cmd cannot carry, with a reason, and quotes the rest', () => {
    for (const value of ['%PATH%', '!PATH!', '"', 'a\nb', 'a\rb']) {
      expect(() => assignmentFor('cmd', 'K', value)).toThrow(ShellQuoteError)
    }
    expect(() => assignmentFor('cmd', 'K', '50%')).toThrow(/cmd cannot set a value containing %/)
    const accepted = HOSTILE.filter((value) => !/[%!"\r\n]/.test(value))
    for (const value of accepted) expect(assignmentFor('cmd', 'K', value)).toBe(`set "K=${value}"`)
  })

  it('refuses NUL in every shell: no variable can hold it', () => {
    for (const shell of SHELLS) expect(() => quoteForShell(shell, 'a\0b')).toThrow(/NUL/)
  })

  it('defaults to PowerShell on Windows and sh elsewhere', () => {
    expect(defaultShellFor('win32')).toBe('powershell')
    expect(defaultShellFor('linux')).toBe('sh')
    expect(defaultShellFor('darwin')).toBe('sh')
  })
})

// Neither shell exists on the development machines; these run where they do (the Windows runner, pwsh on Linux CI).
const hasPwsh = spawnSync('pwsh', ['-NoLogo', '-NoProfile', '-Command', 'exit 0']).status === 0

describe.skipIf(!hasPwsh)('through a real PowerShell', () => {
  it('sets exactly the hostile value and runs nothing', () => {
    for (const value of HOSTILE) {
      const script = `[Console]::OutputEncoding = [Text.Encoding]::UTF8\n${assignmentFor('powershell', 'ORKM_V', value)}\n[Console]::Out.Write($env:ORKM_V)`
      const result = spawnSync('pwsh', ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '-'], { input: script, encoding: 'utf8' })
      // PowerShell cannot hold an empty environment variable: assigning '' removes it.
      expect(result.stdout).toBe(value)
    }
    expect(existsSync(canary)).toBe(false)
  })
})

describe.skipIf(process.platform !== 'win32')('through a real cmd', () => {
  it('sets exactly every value it accepts and runs nothing', () => {
    // A batch file is read in the console's code page, so only ASCII values round-trip through a file.
    const accepted = HOSTILE.filter((value) => value !== '' && !/[%!"\r\n]/.test(value) && /^[\x20-\x7e]*$/.test(value))
    for (const value of accepted) {
      const batch = join(work, 'set.cmd')
      const reader = `"${process.execPath}" -e "process.stdout.write(process.env.ORKM_V)"`
      writeFileSync(batch, `@echo off\r\n${assignmentFor('cmd', 'ORKM_V', value)}\r\n${reader}\r\n`)
      const result = spawnSync('cmd.exe', ['/d', '/v:off', '/c', batch], { encoding: 'utf8' })
      expect(result.stdout).toBe(value)
    }
    expect(existsSync(canary)).toBe(false)
  })
})
