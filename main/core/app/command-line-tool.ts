// How people get `orkm`, the command-line companion, for the Help menu and the README. The installed app cannot run
// it itself (its RunAsNode fuse is off and the code is inside app.asar), so it shows the install command instead.
import { engines, homepage } from '../../../package.json'

/** `owner/name` of the project's GitHub repository (package.json homepage). */
const repository = new URL(homepage).pathname.replace(/^\/|\/$/g, '')

export const CLI_INSTALL_COMMAND = `npm install -g github:${repository}`

/** package.json's engines range in words, e.g. `^20.19.0 || >=22.12.0` → "Node.js 20.19 or a later 20.x, or 22.12 or later". */
export function nodeRequirementOf(range: string): string {
  const short = (version: string) => version.replace(/\.0$/, '')
  const parts = range.split('||').map((part) => {
    const trimmed = part.trim()
    const caret = /^\^(\d+)\.(\d+\.\d+)$/.exec(trimmed)
    if (caret) return `${caret[1]}.${short(caret[2]!)} or a later ${caret[1]}.x`
    const atLeast = /^>=\s*(\d+\.\d+\.\d+)$/.exec(trimmed)
    if (atLeast) return `${short(atLeast[1]!)} or later`
    return trimmed
  })
  return `Node.js ${parts.join(', or ')}`
}

export const CLI_NODE_REQUIREMENT = nodeRequirementOf(engines.node)

export function commandLineToolHelp(): { message: string; detail: string } {
  return {
    message: 'Use your stored keys from a terminal with orkm',
    detail: [
      `orkm hands a key from your keychain to a program without writing it down. It needs ${CLI_NODE_REQUIREMENT}. Install it with:`,
      '',
      `    ${CLI_INSTALL_COMMAND}`,
      '',
      'Then, for example: orkm list, orkm run -- aider, eval "$(orkm env)".',
      'On macOS, the keychain may ask once to let node read this app’s items.',
    ].join('\n'),
  }
}
