// Files written so that a crash never leaves half of one: a synced temporary file renamed over the old one, then
// the folder synced. Shared by every JSON file the app writes (keys, account, spend history).
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** The name an unreadable file is kept under: `<file>.unreadable-<time>`. */
export function unreadableName(path: string, at: Date): string {
  return `${path}.unreadable-${at.toISOString().replace(/[:.]/g, '-')}`
}

/** Moves an unreadable file aside (kept for the person to read) and returns its new name. */
export async function setAsideUnreadable(path: string, at: Date): Promise<string> {
  const backup = unreadableName(path, at)
  await rename(path, backup)
  return backup
}

/** Temp file, fsync, rename, directory sync: shared by every JSON file the app writes. Resolves once all are done. */
export async function writeAtomically(path: string, document: unknown): Promise<void> {
  await writeTextAtomically(path, serialize(document))
}

/** writeAtomically for a document serialized already. */
export async function writeTextAtomically(path: string, text: string): Promise<void> {
  const { durable } = await replaceWith(await writeTemporaryFile(path, text), path)
  await durable
}

export function serialize(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/**
 * A synced temporary file beside its target, and the target's folder, opened while nothing waits on it so that
 * syncing the rename into it later costs one call (null where a folder cannot be opened: Windows).
 */
export interface TemporaryFile {
  name: string
  folder: FileHandle | null
}

/** The text in a new temporary file beside `path`, synced to disk. Removed if writing fails. */
export async function writeTemporaryFile(path: string, text: string): Promise<TemporaryFile> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  // The folder is made only when it is missing (the first write, or deleted since): one file-system call less on
  // every save, which is on the connect path.
  const handle = await open(temp, 'w', 0o600).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
    await mkdir(join(path, '..'), { recursive: true, mode: 0o700 })
    return open(temp, 'w', 0o600)
  })
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  const folder = await open(join(path, '..'), 'r').catch(() => null)
  return { name: temp, folder }
}

/** Removes a temporary file that will not be used. */
export async function dropTemporaryFile(file: TemporaryFile): Promise<void> {
  await file.folder?.close().catch(() => {})
  await unlink(file.name).catch(() => {})
}

/**
 * Renames the synced temporary file over `path`: once this resolves, the new file is the one every reader gets.
 * The folder sync that makes the rename itself survive a power cut follows; `durable` settles when it is done (and
 * the folder closed). A failed sync is not reported, the rename being atomic either way, so only a writer that
 * orders its next write after this one needs to wait for it; a new key's connect does not (issue 10).
 */
export async function replaceWith(file: TemporaryFile, path: string): Promise<{ durable: Promise<void> }> {
  try {
    await rename(file.name, path)
  } catch (error) {
    await dropTemporaryFile(file)
    throw error
  }
  return { durable: syncAndClose(file.folder) }
}

async function syncAndClose(folder: FileHandle | null): Promise<void> {
  if (!folder) return // Windows cannot open folders; the rename is still atomic.
  try {
    await folder.sync()
  } catch {
    // A folder that cannot be synced: the rename is still atomic.
  } finally {
    await folder.close().catch(() => {})
  }
}
