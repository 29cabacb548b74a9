// "Report a problem": the project's new-issue page with the facts a maintainer asks for first. Only the app's
// version, the OS and the Electron version: never a key, a path, an account or a log line.

export interface ReportFacts {
  /** package.json homepage: the project's GitHub page. */
  homepage: string
  appVersion: string
  platform: NodeJS.Platform
  osRelease: string
  arch: string
  electronVersion: string
}

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' }

export function reportProblemUrl(facts: ReportFacts): string {
  const url = new URL(`${facts.homepage.replace(/\/+$/, '')}/issues/new`)
  const os = `${OS_NAMES[facts.platform] ?? facts.platform} ${facts.osRelease} (${facts.arch})`
  const body = [
    '**What happened**',
    '',
    '',
    '**What you expected**',
    '',
    '',
    '**Steps to reproduce**',
    '',
    '',
    '---',
    `- App version: ${facts.appVersion}`,
    `- OS: ${os}`,
    `- Electron: ${facts.electronVersion}`,
  ].join('\n')
  url.searchParams.set('body', body)
  return url.toString()
}
