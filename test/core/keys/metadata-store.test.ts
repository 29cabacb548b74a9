import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMetadataStore, METADATA_FILE_NAME } from '../../../main/core/keys/metadata-store'
import { emptyDocument } from '../../../main/core/keys/stored-key'
import { SECRET_A, SECRET_B, storedKey } from '../../support/fixtures'
import { makeTempDir } from '../../support/temp-dir'

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => dir.remove())

const fileIn = () => join(dir.path, METADATA_FILE_NAME)

describe('metadata store', () => {
  it('starts empty when there is no file yet', async () => {
    const { document, notices } = await createMetadataStore(dir.path).load()
    expect(document.keys).toEqual([])
    expect(notices).toEqual([])
  })

  it('saves and loads a document, leaving no temporary files behind', async () => {
    const store = createMetadataStore(dir.path)
    const document = { ...emptyDocument(), keys: [storedKey(SECRET_A), storedKey(SECRET_B, { label: 'Second' })] }
    document.defaultKeyId = document.keys[1]!.id
    await store.save(document)
    const { document: loaded, notices } = await createMetadataStore(dir.path).load()
    expect(notices).toEqual([])
    expect(loaded.keys.map((key) => key.label)).toEqual(['Test key', 'Second'])
    expect(loaded.defaultKeyId).toBe(document.keys[1]!.id)
    expect(await readdir(dir.path)).toEqual([METADATA_FILE_NAME])
  })

  it('serialises concurrent saves so the last one wins', async () => {
    const store = createMetadataStore(dir.path)
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.save({ ...emptyDocument(), keys: [storedKey(SECRET_A, { label: `v${index}` })] })),
    )
    const { document } = await store.load()
    expect(document.keys[0]!.label).toBe('v19')
  })

  it('sets aside a file that is not JSON and starts from an empty list', async () => {
    await writeFile(fileIn(), '{"version":1,"keys":[{"id"')
    const { document, notices } = await createMetadataStore(dir.path).load()
    expect(document.keys).toEqual([])
    expect(notices[0]).toMatch(/damaged/)
    const files = await readdir(dir.path)
    const backup = files.find((name) => name.startsWith(`${METADATA_FILE_NAME}.unreadable-`))
    expect(backup).toBeDefined()
    expect(await readFile(join(dir.path, backup!), 'utf8')).toBe('{"version":1,"keys":[{"id"')
  })

  it('keeps the readable entries of a partly damaged file, and a backup of the original', async () => {
    const good = storedKey(SECRET_A, { label: 'Survivor' })
    await writeFile(fileIn(), JSON.stringify({ version: 1, keys: [good, { id: 'nonsense' }], defaultKeyId: good.id }))
    const { document, notices } = await createMetadataStore(dir.path).load()
    expect(document.keys.map((key) => key.label)).toEqual(['Survivor'])
    expect(document.defaultKeyId).toBe(good.id)
    expect(notices[0]).toMatch(/1 unreadable entry/)
    expect((await readdir(dir.path)).some((name) => name.includes('.unreadable-'))).toBe(true)
    // The recovered list was written back: the next start is clean.
    expect((await createMetadataStore(dir.path).load()).notices).toEqual([])
  })

  it('migrates what it can from a file of an older version', async () => {
    const { figures: _dropped, ...old } = storedKey(SECRET_B, { label: 'Old' })
    await writeFile(fileIn(), JSON.stringify({ keys: [old] }))
    const { document, notices } = await createMetadataStore(dir.path).load()
    expect(document.keys.map((key) => key.label)).toEqual(['Old'])
    expect(document.keys[0]!.figures).toBeNull()
    expect(notices[0]).toMatch(/older version/)
  })
})
