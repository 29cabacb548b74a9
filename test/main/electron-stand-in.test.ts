// The stand-in covers every value the shell imports from `electron` (types are checked by tsc against Electron's
// own declarations, in test/electron-stand-in/index.ts): a new import without a stand-in fails here, by name.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as standInModule from '../electron-stand-in'

const mainDir = join(import.meta.dirname, '../../main')
const shellFiles = [
  ...readdirSync(mainDir).filter((name) => name.endsWith('.ts')).map((name) => join(mainDir, name)),
  ...readdirSync(join(mainDir, 'adapters')).filter((name) => name.endsWith('.ts')).map((name) => join(mainDir, 'adapters', name)),
]

function valuesImportedFromElectron(source: string): string[] {
  return [...source.matchAll(/import\s*(type\s+)?\{([^}]*)\}\s*from\s*'electron'/g)].flatMap(([, wholeType, names]) =>
    wholeType ? [] : names!.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type ')).map((name) => name.split(/\s+as\s+/)[0]!),
  )
}

describe('the electron stand-in', () => {
  it('exports every value the shell imports from electron', () => {
    const imported = new Set(shellFiles.flatMap((file) => valuesImportedFromElectron(readFileSync(file, 'utf8'))))
    expect(imported.size).toBeGreaterThan(10)
    expect([...imported].filter((name) => !(name in standInModule))).toEqual([])
  })

  it('is what the shell gets for `electron` in this project', async () => {
    const viaAlias = await import('electron' as string)
    expect(viaAlias.app).toBe(standInModule.app)
  })
})
