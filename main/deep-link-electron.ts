// Registers openrouter-key-manager:// with the OS and turns links (first launch, second launch, macOS
// open-url) into validated actions for the one running instance.
import { app } from 'electron'
import { resolve } from 'node:path'
import { APP_URL_SCHEME, type DeepLinkAction } from './core/deep-link'
import { decideOpenUrl, decideSecondInstance, type InstanceDecision } from './core/single-instance'

export function registerDeepLinks(options: {
  onDecision: (decision: InstanceDecision) => void
}): InstanceDecision {
  if (process.defaultApp && process.argv.length >= 2) {
    // Development (electron .): the OS must launch Electron with the app's path.
    app.setAsDefaultProtocolClient(APP_URL_SCHEME, process.execPath, [resolve(process.argv[1]!)])
  } else {
    app.setAsDefaultProtocolClient(APP_URL_SCHEME)
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    options.onDecision(decideOpenUrl(url))
  })
  app.on('second-instance', (_event, argv) => options.onDecision(decideSecondInstance(argv)))
  // A link that launched this (first) instance.
  return decideSecondInstance(process.argv)
}

export type { DeepLinkAction }
