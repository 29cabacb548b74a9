// Node stand-ins for Electron's clipboard and notifications on the browser backend: observable by tests.
import type { ClipboardContent, ClipboardPort, NotifierPort } from '../../main/core/base/ports'

/** A clipboard that holds one item, as the system's does; tests read its text and its extra formats. */
export class MemoryClipboard implements ClipboardPort {
  private content: ClipboardContent = { text: '', formats: {} }
  async write(content: ClipboardContent): Promise<void> {
    this.content = { text: content.text, formats: { ...content.formats } }
  }
  /** Another program copying plain text. */
  async writeText(text: string): Promise<void> {
    this.content = { text, formats: {} }
  }
  async readText(): Promise<string> {
    return this.content.text
  }
  /** The raw formats written with the current text. */
  formats(): Readonly<Record<string, Uint8Array>> {
    return this.content.formats
  }
  async clear(): Promise<void> {
    this.content = { text: '', formats: {} }
  }
}

export class RecordingNotifier implements NotifierPort {
  readonly shown: Array<{ title: string; body: string }> = []
  notify(title: string, body: string): void {
    this.shown.push({ title, body })
  }
}
