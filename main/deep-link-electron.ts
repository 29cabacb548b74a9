// Registers openrouter-key-manager:// with the OS and turns links (first launch, second launch, macOS
// open-url) into validated decisions for the one running instance (core/single-instance.ts).
import { app } from 'electron'
import { resolve } from 'node:path'
import { APP_URL_SCHEME } from './core/app/deep-link'
import { decideOpenUrl, decideSecondInstance, type InstanceDecision } from './core/app/single-instance'

/**
 * Call synchronously at start-up, after winning app.requestSingleInstanceLock() and before the app is
 * ready: macOS emits `open-url` for the link that launched the app before `ready`. Returns the decision
 * for this process's own command line (Windows and Linux pass the launching link there).
 */
export function registerDeepLinks(options: { argv: readonly string[]; onDecision: (decision: InstanceDecision) => void }): InstanceDecision {
  const { argv } = options
  if (process.defaultApp && argv.length >= 2) {
    // Development (`electron .`): the OS must start Electron with the app's folder, or it opens Electron's default app.
    app.setAsDefaultProtocolClient(APP_URL_SCHEME, process.execPath, [resolve(argv[1]!)])
  } else {
    // Packaged: macOS and Linux register from Info.plist / the .desktop file as well; NSIS does not, so this is Windows' registration.
    app.setAsDefaultProtocolClient(APP_URL_SCHEME)
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    options.onDecision(decideOpenUrl(url))
  })
  app.on('second-instance', (_event, argv) => options.onDecision(decideSecondInstance(argv)))
  return decideSecondInstance(argv)
}
