// Atomic writes against the real file system: a synced temporary file renamed into place, then the folder synced.
import { readdir, readFile, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceWith, serialize, writeAtomically, writeTemporaryFile } from '../../../main/core/base/atomic-file'
import { gate } from '../../support/gate'
import { makeTempDir } from '../../support/temp-dir'

let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => dir.remove())

const target = () => join(dir.path, 'file.json')
/** Open descriptors of this process on the test folder (Linux only: /proc). */
const handlesOnFolder = async () => {
  const targets = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))
  return targets.filter((path) => path === dir.path).length
}

describe('atomic file', () => {
  it('writes the whole document and leaves only the file behind', async () => {
    await writeAtomically(target(), { a: 1 })
    await writeAtomically(target(), { a: 2 })
    expect(JSON.parse(await readFile(target(), 'utf8'))).toEqual({ a: 2 })
    expect(await readdir(dir.path)).toEqual(['file.json'])
  })

  it.skipIf(process.platform !== 'linux')('a whole write resolves only after its folder sync: the folder is closed by then', async () => {
    const before = await handlesOnFolder()
    await writeAtomically(target(), { a: 1 })
    expect(await handlesOnFolder()).toBe(before)
  })

  it.skipIf(process.platform !== 'linux')(
    'a replacement is the file as soon as it is renamed; the folder sync after it does not hold the caller, and is then closed',
    async () => {
      const before = await handlesOnFolder()
      await writeAtomically(target(), { version: 'old' })
      const file = await writeTemporaryFile(target(), serialize({ version: 'new' }))
      const folder = file.folder!
      // The folder sync is held until the test lets it go (the real sync runs then).
      const realSync = folder.sync.bind(folder)
      const syncHeld = gate()
      let syncAsked = false
      folder.sync = async () => {
        syncAsked = true
        await syncHeld.passed
        return realSync()
      }
      const replaced = await Promise.race([
        replaceWith(file, target()),
        new Promise<'waited for the folder sync'>((resolve) => setTimeout(() => resolve('waited for the folder sync'), 5_000)),
      ])
      expect(replaced).not.toBe('waited for the folder sync')
      if (typeof replaced === 'string') return
      expect(syncAsked).toBe(true)
      expect(JSON.parse(await readFile(target(), 'utf8'))).toEqual({ version: 'new' })
      let durable = false
      void replaced.durable.then(() => (durable = true))
      await new Promise((resolve) => setImmediate(resolve))
      expect(durable).toBe(false)
      expect(await handlesOnFolder()).toBe(before + 1)
      syncHeld.open()
      await replaced.durable
      expect(await handlesOnFolder()).toBe(before)
      expect(await readdir(dir.path)).toEqual(['file.json'])
    },
  )

  it.skipIf(process.platform !== 'linux')('a folder that cannot be synced still gets the file, and its handle is closed', async () => {
    const before = await handlesOnFolder()
    const file = await writeTemporaryFile(target(), serialize({ synced: false }))
    file.folder!.sync = () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
    const { durable } = await replaceWith(file, target())
    await durable
    expect(JSON.parse(await readFile(target(), 'utf8'))).toEqual({ synced: false })
    expect(await handlesOnFolder()).toBe(before)
  })
})
