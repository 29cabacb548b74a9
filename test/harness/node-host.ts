// Node stand-ins for Electron's clipboard and notifications on the browser backend: observable by tests.
import type { ClipboardPort, NotifierPort } from '../../main/core/base/ports'

export class MemoryClipboard implements ClipboardPort {
  private text = ''
  async writeText(text: string): Promise<void> {
    this.text = text
  }
  async readText(): Promise<string> {
    return this.text
  }
  async clear(): Promise<void> {
    this.text = ''
  }
}

export class RecordingNotifier implements NotifierPort {
  readonly shown: Array<{ title: string; body: string }> = []
  notify(title: string, body: string): void {
    this.shown.push({ title, body })
  }
}
