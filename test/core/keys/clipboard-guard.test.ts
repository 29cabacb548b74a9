// "Copy as export": one assignment per shell, built by the same quoting module as `orkm env`.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { copyTextFor } from '../../../main/core/keys/clipboard-guard'

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

describe('copyTextFor', () => {
  it('copies the key itself, or an assignment for sh, PowerShell or cmd', () => {
    expect(copyTextFor(KEY, 'plain')).toBe(KEY)
    expect(copyTextFor(KEY, 'export-sh')).toBe(`export OPENROUTER_API_KEY='${KEY}'`)
    expect(copyTextFor(KEY, 'export-powershell')).toBe(`$env:OPENROUTER_API_KEY = '${KEY}'`)
    expect(copyTextFor(KEY, 'export-cmd')).toBe(`set "OPENROUTER_API_KEY=${KEY}"`)
  })

  it('the sh line sets exactly the key when a real shell runs it', () => {
    const line = copyTextFor(KEY, 'export-sh')
    expect(execFileSync('sh', ['-c', `${line}; printf %s "$OPENROUTER_API_KEY"`], { encoding: 'utf8' })).toBe(KEY)
  })

  it('never turns a stored value that is not shaped like a key into a shell line', () => {
    const hostile = "sk-or-v1-abc'; touch /tmp/orkm-pwned; '"
    for (const format of ['export-sh', 'export-powershell', 'export-cmd'] as const) {
      expect(() => copyTextFor(hostile, format)).toThrow(/not copied as a shell line/)
    }
    // Copy key still copies it as it is: nothing a shell runs.
    expect(copyTextFor(hostile, 'plain')).toBe(hostile)
  })
})
