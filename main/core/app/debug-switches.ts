// An installed app refuses to start with switches that open a debugger or a remote-control port: whoever can
// start it that way (a shortcut, another program) could read every key the app holds. Development runs and the
// packaged end-to-end test build (which Playwright drives through exactly these switches) are allowed.

/** Matched by name, without leading dashes and without a value; `inspect` also covers --inspect-brk, --inspect-port… */
const FORBIDDEN_EXACT = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins'] as const
const FORBIDDEN_PREFIX = 'inspect'

/**
 * The field electron-builder.e2e.yml adds to the packaged package.json (extraMetadata), and its value. It lives
 * inside the app's own (asar) files, so neither the environment nor the command line can make a normal
 * installed build look like the test build.
 */
export const E2E_BUILD_MARKER = { field: 'orkmTestBuild', value: 'e2e' } as const

export function isE2ETestBuild(packageJson: unknown): boolean {
  return (
    typeof packageJson === 'object' &&
    packageJson !== null &&
    (packageJson as Record<string, unknown>)[E2E_BUILD_MARKER.field] === E2E_BUILD_MARKER.value
  )
}

/** The switch names (as typed, without value) that open a debugger or a remote-control port. */
export function findDebugSwitches(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const found: string[] = []
  for (const arg of argv) {
    // Chromium accepts --switch and -switch everywhere, /switch on Windows, and ignores case on Windows.
    const prefix = /^--?/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : null)
    if (prefix === null) continue
    const name = arg.slice(prefix.length).split('=')[0]!.toLowerCase()
    if ((FORBIDDEN_EXACT as readonly string[]).includes(name) || name.startsWith(FORBIDDEN_PREFIX)) found.push(arg.split('=')[0]!)
  }
  return found
}

export type DebugSwitchVerdict = { allowed: true } | { allowed: false; switches: string[]; message: string }

export function checkDebugSwitches(
  argv: readonly string[],
  build: { isPackaged: boolean; isE2ETestBuild: boolean; platform: NodeJS.Platform },
): DebugSwitchVerdict {
  if (!build.isPackaged || build.isE2ETestBuild) return { allowed: true }
  const switches = findDebugSwitches(argv, build.platform)
  if (switches.length === 0) return { allowed: true }
  return {
    allowed: false,
    switches,
    message:
      `OpenRouter Key Manager does not start with ${switches.join(', ')}: ` +
      'debugging switches let other programs on this computer control the app and read the keys it holds. ' +
      'Start it again without them (check the shortcut or the program that started it).',
  }
}
