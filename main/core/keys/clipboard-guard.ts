// Copying a key: main writes the clipboard and clears it later if it still holds the key, and on quit.
import type { CopyFormat, CopyReceipt } from '../../../preload/contract'
import type { Logger } from '../base/logger'
import { concealedText } from '../base/concealed-clipboard'
import type { ClipboardPort, Clock } from '../base/ports'
import { assignmentFor, type Shell } from '../base/shell-quote'
import { AppFailure } from '../base/app-failure'
import { looksLikeOpenRouterKey } from './key-identity'

export interface ClipboardGuardDeps {
  clipboard: ClipboardPort
  clock: Clock
  logger: Logger
  clearAfterSeconds: number
}

const EXPORT_SHELLS: Record<Exclude<CopyFormat, 'plain'>, Shell> = {
  'export-sh': 'sh',
  'export-powershell': 'powershell',
  'export-cmd': 'cmd',
}

/** The text a copy puts on the clipboard: the key, or one assignment quoted for the chosen shell. */
export function copyTextFor(secret: string, format: CopyFormat): string {
  if (format === 'plain') return secret
  // Belt and braces: a stored key not shaped like one is never put into a shell line, even quoted.
  if (!looksLikeOpenRouterKey(secret)) {
    throw new AppFailure('invalid-argument', 'This stored key is not shaped like an OpenRouter key, so it is not copied as a shell line.', 'Copy key copies it as it is.')
  }
  return assignmentFor(EXPORT_SHELLS[format], 'OPENROUTER_API_KEY', secret)
}

export class ClipboardGuard {
  private lastCopied: string | null = null

  constructor(private readonly deps: ClipboardGuardDeps) {}

  async copySecret(secret: string, format: CopyFormat): Promise<CopyReceipt> {
    const text = copyTextFor(secret, format)
    // Concealed: clipboard managers and history are asked not to keep it (it is also cleared after a while).
    await this.deps.clipboard.write(concealedText(text))
    this.lastCopied = text
    this.deps.clock.setTimeout(() => {
      void this.clearIfStill(text)
    }, this.deps.clearAfterSeconds * 1000)
    return { clearsAfterSeconds: this.deps.clearAfterSeconds }
  }

  /** On quit: a key still on the clipboard is cleared now rather than left behind. */
  async clearCopiedKey(): Promise<void> {
    if (this.lastCopied !== null) await this.clearIfStill(this.lastCopied)
    this.lastCopied = null
  }

  private async clearIfStill(text: string): Promise<void> {
    try {
      if ((await this.deps.clipboard.readText()) === text) await this.deps.clipboard.clear()
    } catch (error) {
      this.deps.logger.warn('could not clear the clipboard', { error })
    }
  }
}
