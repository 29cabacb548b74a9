// `orkm list` while the app saves keys.json over and over: every read sees one whole document, never a torn one,
// because the app writes by temp file + rename and orkm only ever reads.
import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { createMetadataStore } from '../../main/core/keys/metadata-store'
import { emptyDocument, type MetadataDocument, type StoredKey } from '../../main/core/keys/stored-key'
import { makeTempDir } from '../support/temp-dir'
import { assertCliBuilt, baseEnv, orkm } from './run-orkm'

let dir: { path: string; remove(): Promise<void> }
beforeAll(() => assertCliBuilt())
beforeEach(async () => {
  dir = await makeTempDir('orkm-concurrent-')
})
afterEach(async () => {
  await dir.remove()
})

function documentWith(count: number): MetadataDocument {
  const keys: StoredKey[] = Array.from({ length: count }, (_, index) => ({
    id: randomBytes(32).toString('hex'),
    label: `Key ${index} ${'x'.repeat(100)}`,
    maskedKey: `sk-or-v1-…${String(index).padStart(4, '0')}`,
    userId: null,
    addedAt: new Date(0).toISOString(),
    figures: null,
    checkedAt: null,
    lastError: null,
    failedRefreshes: 0,
    lastAttemptAt: null,
    removing: false,
    accountPending: false,
  }))
  return { ...emptyDocument(), keys, defaultKeyId: keys[0]!.id }
}

it('every `orkm list` during a stream of saves reads one whole document', async () => {
  // Two sizes, so a read that mixed two writes could not pass as either.
  const documents = [documentWith(1500), documentWith(900)]
  const store = createMetadataStore(dir.path)
  await store.save(documents[0]!)
  let writing = true
  let saves = 0
  const writer = (async () => {
    while (writing) {
      await store.save(documents[saves % 2]!)
      saves += 1
    }
  })()
  const env = baseEnv({ ORKM_DATA_DIR: dir.path, ORKM_KEYCHAIN_SERVICE: `orkm-unused-${process.pid}` })
  const counts: number[] = []
  try {
    for (let read = 0; read < 8; read += 1) {
      const result = await orkm(['list', '--json'], { env })
      expect(result, `read ${read} after ${saves} saves`).toMatchObject({ code: 0, stderr: '' })
      counts.push((JSON.parse(result.stdout) as { keys: unknown[] }).keys.length)
    }
  } finally {
    writing = false
    await writer
  }
  expect(saves).toBeGreaterThan(1)
  for (const count of counts) expect([1500, 900]).toContain(count)
})
