// A copied key carries the markers that tell clipboard managers and the system's clipboard history not to keep
// it; ordinary text (a link) carries none. Written with the text in one item, so the text is never replaced.
import type { ClipboardContent } from './ports'

const DWORD_ZERO = new Uint8Array(4)

/**
 * The conventions of each platform, written everywhere (a format another platform does not know is ignored).
 * The values: presence is what the macOS and Windows monitor markers mean; history takes a DWORD 0 (do not keep);
 * KDE's hint takes the word "secret".
 */
export const CONCEALED_CLIPBOARD_FORMATS: Readonly<Record<string, Uint8Array>> = Object.freeze({
  // macOS: nspasteboard.org's marker for passwords; clipboard managers skip or hide such items.
  'org.nspasteboard.ConcealedType': new Uint8Array(0),
  // Windows: clipboard monitors (and cloud clipboard) ignore content with this format present.
  ExcludeClipboardContentFromMonitorProcessing: DWORD_ZERO,
  // Windows 10+: keeps the item out of Win+V clipboard history.
  CanIncludeInClipboardHistory: DWORD_ZERO,
  // KDE Klipper (and other Wayland/X11 managers that honour it): do not store in history.
  'x-kde-passwordManagerHint': new TextEncoder().encode('secret'),
})

/** A secret (a key, or a shell line holding one). */
export function concealedText(text: string): ClipboardContent {
  return { text, formats: CONCEALED_CLIPBOARD_FORMATS }
}

/** Text that is not secret, such as the consent link. */
export function plainText(text: string): ClipboardContent {
  return { text, formats: {} }
}
