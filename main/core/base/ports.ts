// What the core needs from the host: implemented with Electron in main/adapters and with Node in test/harness.

export interface ExternalOpener {
  /** Open a URL in the system browser. Callers pass only URLs they built and checked. */
  openExternal(url: string): Promise<void>
}

/** What one clipboard write puts there: a text and raw platform formats, as one item committed together. */
export interface ClipboardContent {
  text: string
  /** Raw format name → its bytes (see concealed-clipboard.ts); empty for ordinary text. */
  formats: Readonly<Record<string, Uint8Array>>
}

/** Asynchronous, as Electron's clipboard is in the main process. */
export interface ClipboardPort {
  /** Replaces the clipboard's contents with this one item: the text and its formats together, nothing else. */
  write(content: ClipboardContent): Promise<void>
  readText(): Promise<string>
  clear(): Promise<void>
}

export interface NotifierPort {
  notify(title: string, body: string): void
}

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): { cancel(): void }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms)
    handle.unref?.()
    return { cancel: () => clearTimeout(handle) }
  },
}
