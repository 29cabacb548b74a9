// Files written so that a crash never leaves half of one: a synced temporary file renamed over the old one, then
// the folder synced. Shared by every JSON file the app writes (keys, account, spend history).
import { mkdir, open, rename, unlink } from 'node:fs/promises'
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

/** Temp file, fsync, rename, directory sync: shared by every JSON file the app writes. */
export async function writeAtomically(path: string, document: unknown): Promise<void> {
  await replaceWith(await writeTemporaryFile(path, serialize(document)), path)
}

export function serialize(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/** The text in a new temporary file beside `path`, synced to disk; its name is returned. Removed if writing fails. */
export async function writeTemporaryFile(path: string, text: string): Promise<string> {
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
  return temp
}

/** Renames the synced temporary file over `path`, then syncs the folder so the rename itself is durable. */
export async function replaceWith(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  // Make the rename itself durable where the platform allows syncing a directory.
  try {
    const dirHandle = await open(join(path, '..'), 'r')
    try {
      await dirHandle.sync()
    } finally {
      await dirHandle.close()
    }
  } catch {
    // Windows cannot open directories; the rename is still atomic.
  }
}
