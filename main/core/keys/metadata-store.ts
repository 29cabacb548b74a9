// The metadata file: non-secret facts about each key, written atomically (base/atomic-file.ts).
// A damaged or unknown file never stops the app: what can be read is kept, the original is set aside.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { dropTemporaryFile, replaceWith, serialize, setAsideUnreadable, writeAtomically, writeTemporaryFile, writeTextAtomically } from '../base/atomic-file'
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
  /** Writes the document as it is now (serialized at once), after the writes asked for before it. */
  save(document: MetadataDocument): Promise<void>
  /**
   * Writes and syncs the document to a temporary file now (it is serialized at once), to become the file only on
   * commit. Used to overlap a new key's metadata write with its keychain write.
   */
  stage(document: MetadataDocument): StagedSave
  /** Resolves once every write asked for so far (and any asked for meanwhile) is done, folder syncs included. */
  flush(): Promise<void>
}

export interface StagedSave {
  /**
   * Makes the staged document the file: resolves once it is renamed into place. The folder sync that makes the
   * rename survive a power cut follows, and the store's next write waits for it. False, and the file untouched,
   * when another save or commit came after staging.
   */
  commit(): Promise<boolean>
  /** Drops the staged file (the keychain refused the key). */
  discard(): Promise<void>
}

export function createMetadataStore(dataDir: string, now: () => Date = () => new Date()): MetadataStore {
  const path = join(dataDir, METADATA_FILE_NAME)
  let writes: Promise<void> = Promise.resolve()
  /** Counts saves and commits, so a staged document that another write overtook is never committed over it. */
  let generation = 0

  const setAside = async (reason: string): Promise<string> => {
    const backup = await setAsideUnreadable(path, now())
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
      generation += 1
      // Serialized when asked for, not when its turn comes, so that writes land in the order of the states they hold
      // (a staged commit queued after this save would otherwise write an older state over a newer one).
      const text = serialize(document)
      const run = writes.then(() => writeTextAtomically(path, text))
      writes = run.catch(() => {})
      return run
    },

    async flush() {
      let seen: Promise<void>
      do {
        seen = writes
        await seen
      } while (seen !== writes)
    },

    stage(document) {
      const stagedAt = generation
      const temp = writeTemporaryFile(path, serialize(document))
      temp.catch(() => {}) // reported by commit
      let settled = false
      const discard = async () => {
        if (settled) return
        settled = true
        const file = await temp.catch(() => null) // a failed write left nothing behind
        if (file) await dropTemporaryFile(file)
      }
      return {
        commit() {
          if (settled) return Promise.reject(new Error('This staged save was already committed or discarded.'))
          const run = writes.then(async () => {
            if (generation !== stagedAt) {
              await discard()
              return { committed: false, durable: Promise.resolve() }
            }
            settled = true
            generation += 1
            return { committed: true, ...(await replaceWith(await temp, path)) }
          })
          // The next write waits for this one's folder sync; whoever committed does not.
          writes = run.then(
            ({ durable }) => durable,
            () => {},
          )
          return run.then(({ committed }) => committed)
        },
        discard,
      }
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
