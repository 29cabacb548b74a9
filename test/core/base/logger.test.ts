import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogger, redact } from '../../../main/core/base/logger'
import { makeTempDir } from '../../support/temp-dir'

const SECRET = `sk-or-v1-${'d'.repeat(64)}`
let cleanup: (() => Promise<void>) | null = null
afterEach(async () => cleanup?.())

describe('logger', () => {
  it('scrubs keys, codes, verifiers and bearer tokens that reach it by mistake', () => {
    const text = redact(`key=${SECRET} url=http://localhost:3000/callback/n?code=abc123&x=1 {"code_verifier":"v3r"} Bearer tok`)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('abc123')
    expect(text).not.toContain('v3r')
    expect(text).not.toContain('tok')
    expect(text).toContain('[redacted]')
  })

  it('writes redacted lines to its file', async () => {
    const dir = await makeTempDir()
    cleanup = dir.remove
    const file = join(dir.path, 'logs', 'main.log')
    const logger = createFileLogger(file)
    logger.error('failed', { error: new Error(`bad ${SECRET}`) })
    const contents = await readFile(file, 'utf8')
    expect(contents).toContain('ERROR failed')
    expect(contents).not.toContain(SECRET)
  })
})
