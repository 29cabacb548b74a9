import { readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises'
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
const documentWith = (label: string) => ({ ...emptyDocument(), keys: [storedKey(SECRET_A, { label })] })
const labelsOnDisk = async () => (await createMetadataStore(dir.path).load()).document.keys.map((key) => key.label)

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

  it('makes its folder (owner only) when it is missing: before the first save, and after it was deleted', async () => {
    const folder = join(dir.path, 'nested', 'data')
    const store = createMetadataStore(folder)
    await store.save({ ...emptyDocument(), keys: [storedKey(SECRET_A)] })
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    await rm(folder, { recursive: true })
    await store.save({ ...emptyDocument(), keys: [storedKey(SECRET_B, { label: 'After' })] })
    expect((await createMetadataStore(folder).load()).document.keys.map((key) => key.label)).toEqual(['After'])
  })

  it('writes a document as it was when the save was asked for, even when its turn comes later', async () => {
    const store = createMetadataStore(dir.path)
    const document = documentWith('as asked')
    const first = store.save(documentWith('queued first'))
    const saving = store.save(document)
    document.keys[0]!.label = 'changed while queued'
    await Promise.all([first, saving])
    expect(await labelsOnDisk()).toEqual(['as asked'])
  })

  it('serialises concurrent saves so the last one wins', async () => {
    const store = createMetadataStore(dir.path)
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.save({ ...emptyDocument(), keys: [storedKey(SECRET_A, { label: `v${index}` })] })),
    )
    const { document } = await store.load()
    expect(document.keys[0]!.label).toBe('v19')
  })

  describe('a staged save (a new key: written while the keychain write runs, committed after it)', () => {

    it('is invisible until committed, then is the file; no temporary file is left', async () => {
      const store = createMetadataStore(dir.path)
      await store.save(documentWith('before'))
      const document = documentWith('staged')
      const staged = store.stage(document)
      document.keys[0]!.label = 'changed after staging' // serialized when staged
      expect(await labelsOnDisk()).toEqual(['before'])
      expect(await staged.commit()).toBe(true)
      expect(await labelsOnDisk()).toEqual(['staged'])
      expect(await readdir(dir.path)).toEqual([METADATA_FILE_NAME])
    })

    it('discarded (the keychain refused the key), it leaves the file as it was and nothing behind', async () => {
      const store = createMetadataStore(dir.path)
      await store.save(documentWith('before'))
      const staged = store.stage(documentWith('staged'))
      await staged.discard()
      expect(await labelsOnDisk()).toEqual(['before'])
      expect(await readdir(dir.path)).toEqual([METADATA_FILE_NAME])
      await expect(staged.commit()).rejects.toThrow(/already committed or discarded/)
    })

    it.skipIf(process.platform !== 'linux')('leaves no handle on its folder open: saves, commits, overtaken commits and discards', async () => {
      // Each write opens the folder ahead of its rename (to sync it with one call); every one must be closed again.
      const handlesOnFolder = async () => {
        const targets = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))
        return targets.filter((target) => target === dir.path).length
      }
      const before = await handlesOnFolder()
      const store = createMetadataStore(dir.path)
      await store.save(documentWith('saved'))
      const committed = store.stage(documentWith('committed'))
      const overtaken = store.stage(documentWith('overtaken'))
      expect(await committed.commit()).toBe(true)
      expect(await overtaken.commit()).toBe(false)
      await store.stage(documentWith('discarded')).discard()
      await expect.poll(handlesOnFolder, { timeout: 10_000 }).toBe(before)
      expect(await labelsOnDisk()).toEqual(['committed'])
    })

    it('is never committed over a save or commit that came after it was staged', async () => {
      const store = createMetadataStore(dir.path)
      const overtaken = store.stage(documentWith('staged first'))
      const other = store.stage(documentWith('staged second'))
      await store.save(documentWith('saved later'))
      expect(await overtaken.commit()).toBe(false)
      expect(await labelsOnDisk()).toEqual(['saved later'])
      const third = store.stage(documentWith('third'))
      expect(await third.commit()).toBe(true)
      expect(await other.commit()).toBe(false)
      expect(await labelsOnDisk()).toEqual(['third'])
      expect(await readdir(dir.path)).toEqual([METADATA_FILE_NAME])
    })
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
