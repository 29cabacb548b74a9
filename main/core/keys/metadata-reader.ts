// Reading the metadata file without ever writing it, for readers outside the app (the command line). The app
// writes it by temp file + rename, so a reader sees the old file or the new one, never a torn one.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { METADATA_FILE_NAME, salvage } from './metadata-store'
import { emptyDocument, type MetadataDocument } from './stored-key'

export type MetadataReading =
  | { kind: 'ok'; path: string; document: MetadataDocument }
  /** The app would set this file aside and rebuild the list on its next start; a reader must not guess. */
  | { kind: 'damaged'; path: string; reason: string }

export async function readMetadataReadOnly(dataDir: string): Promise<MetadataReading> {
  const path = join(dataDir, METADATA_FILE_NAME)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'ok', path, document: emptyDocument() }
    throw error
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'damaged', path, reason: 'not valid JSON' }
  }
  const salvaged = salvage(raw)
  if (!salvaged.versionOk) return { kind: 'damaged', path, reason: 'from an unknown or older version' }
  if (salvaged.dropped > 0) return { kind: 'damaged', path, reason: `${salvaged.dropped} unreadable entr${salvaged.dropped === 1 ? 'y' : 'ies'}` }
  return { kind: 'ok', path, document: salvaged.document }
}
