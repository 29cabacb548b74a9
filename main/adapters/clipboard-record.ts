// How a clipboard item of the core (a text plus raw platform formats) is spelled for Electron's
// `clipboard.write([new ClipboardItem(record)])`: the text as text/plain, each raw format through Electron's
// `electron application/osclipboard;format="…"` type, all in one item so the text is never replaced.
// No electron import here, so it runs (and is tested) under plain Node.
import type { ClipboardContent } from '../core/base/ports'

export function osClipboardType(format: string): string {
  return `electron application/osclipboard;format="${format}"`
}

export function electronClipboardRecord(content: ClipboardContent): Record<string, string | Blob> {
  const record: Record<string, string | Blob> = { 'text/plain': content.text }
  for (const [format, bytes] of Object.entries(content.formats)) record[osClipboardType(format)] = new Blob([new Uint8Array(bytes)])
  return record
}
