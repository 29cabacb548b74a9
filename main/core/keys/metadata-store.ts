// The metadata file: non-secret facts about each key, written atomically (temp file, fsync, rename).
// A damaged or unknown file never stops the app: what can be read is kept, the original is set aside.
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { emptyDocument, settingsSchema, storedKeySchema, type MetadataDocument, type StoredKey } from './stored-key'

export const METADATA_FILE_NAME = 'keys.json'

export interface LoadReport {
  document: MetadataDocument
  /** Human-readable notes about what was recovered, for the UI. */
  notices: string[]
}

export interface MetadataStore {
  readonly path: string
  load(): Promise<LoadReport>
  save(document: MetadataDocument): Promise<void>
}

export function createMetadataStore(dataDir: string, now: () => Date = () => new Date()): MetadataStore {
  const path = join(dataDir, METADATA_FILE_NAME)
  let writes: Promise<void> = Promise.resolve()

  const setAside = async (reason: string): Promise<string> => {
    const backup = `${path}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`
    await rename(path, backup)
    return `The key list file was ${reason}; it was kept as ${backup} and the list was rebuilt from your keychain.`
  }

  return {
    path,

    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { document: emptyDocument(), notices: [] }
        throw error
      }
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch {
        return { document: emptyDocument(), notices: [await setAside('damaged (not valid JSON)')] }
      }
      const salvaged = salvage(raw)
      if (salvaged.dropped === 0 && salvaged.versionOk) return { document: salvaged.document, notices: [] }
      const reason = salvaged.versionOk
        ? `partly damaged (${salvaged.dropped} unreadable entr${salvaged.dropped === 1 ? 'y' : 'ies'})`
        : 'from an unknown or older version'
      const notice = await setAside(reason)
      // Persist what was recovered so the next start is clean.
      await writeAtomically(path, salvaged.document)
      return { document: salvaged.document, notices: [notice] }
    },

    save(document) {
      const run = writes.then(() => writeAtomically(path, document))
      writes = run.catch(() => {})
      return run
    },
  }
}

/** Keeps every record that still validates; anything else is dropped and counted. */
export function salvage(raw: unknown): { document: MetadataDocument; dropped: number; versionOk: boolean } {
  const document = emptyDocument()
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { document, dropped: 1, versionOk: false }
  const object = raw as Record<string, unknown>
  const versionOk = object.version === 1
  let dropped = 0
  const seen = new Set<string>()
  const rawKeys = Array.isArray(object.keys) ? object.keys : []
  if (!Array.isArray(object.keys)) dropped += 1
  for (const entry of rawKeys) {
    const parsed = storedKeySchema.safeParse(entry)
    if (parsed.success && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id)
      document.keys.push(parsed.data as StoredKey)
    } else {
      dropped += 1
    }
  }
  const settings = settingsSchema.safeParse(object.settings ?? {})
  if (settings.success) document.settings = settings.data
  const defaultKeyId = z.string().nullable().safeParse(object.defaultKeyId ?? null)
  document.defaultKeyId = defaultKeyId.success && defaultKeyId.data && seen.has(defaultKeyId.data) ? defaultKeyId.data : null
  const announced = z.array(z.string()).safeParse(object.announcedWarnings ?? [])
  document.announcedWarnings = announced.success ? announced.data : []
  return { document, dropped, versionOk }
}

/** Temp file, fsync, rename, directory sync: shared by every JSON file the app writes. */
export async function writeAtomically(path: string, document: unknown): Promise<void> {
  const dir = join(path, '..')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  // Make the rename itself durable where the platform allows syncing a directory.
  try {
    const dirHandle = await open(dir, 'r')
    try {
      await dirHandle.sync()
    } finally {
      await dirHandle.close()
    }
  } catch {
    // Windows cannot open directories; the rename is still atomic.
  }
}
