// The Electron clipboard adapter's spelling of a core clipboard item, under plain Node: one ClipboardItem record
// holding the text and each raw format (Electron 45: `clipboard.write([new ClipboardItem(record)])`).
import { describe, expect, it } from 'vitest'
import { electronClipboardRecord, osClipboardType } from '../../main/adapters/clipboard-record'
import { CONCEALED_CLIPBOARD_FORMATS, concealedText, plainText } from '../../main/core/base/concealed-clipboard'

describe('Electron clipboard record', () => {
  it('puts the text and every concealed marker in one record, each marker as a raw OS clipboard format', async () => {
    const record = electronClipboardRecord(concealedText('sk-or-v1-abc'))
    expect(record['text/plain']).toBe('sk-or-v1-abc')
    expect(Object.keys(record).sort()).toEqual(['text/plain', ...Object.keys(CONCEALED_CLIPBOARD_FORMATS).map(osClipboardType)].sort())
    expect(osClipboardType('CanIncludeInClipboardHistory')).toBe('electron application/osclipboard;format="CanIncludeInClipboardHistory"')
    for (const [format, bytes] of Object.entries(CONCEALED_CLIPBOARD_FORMATS)) {
      const blob = record[osClipboardType(format)]
      expect(blob).toBeInstanceOf(Blob)
      expect([...new Uint8Array(await (blob as Blob).arrayBuffer())]).toEqual([...bytes])
    }
  })

  it('writes plain text alone', () => {
    expect(electronClipboardRecord(plainText('https://openrouter.ai/auth?x=1'))).toEqual({ 'text/plain': 'https://openrouter.ai/auth?x=1' })
  })
})
