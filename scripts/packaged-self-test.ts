// CI, after `npm run dist`: runs `--self-test` in every packaged build in dist/ and fails if any check fails.
// Linux: the unpacked app, the AppImage (extracted, no FUSE needed) and the deb once installed, each under a
// virtual display with a throw-away Secret Service. macOS and Windows: the unpacked app bundle / executable.
// Needs Electron's packaged binaries, so it runs only where `npm run dist` could (the workflows).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')
const productName = 'OpenRouter Key Manager'
const executableName = 'openrouter-key-manager'

interface Target {
  label: string
  command: string[]
  env?: Record<string, string>
}

export function packagedTargets(distDir: string, platform: NodeJS.Platform): Target[] {
  const entries = existsSync(distDir) ? readdirSync(distDir) : []
  const targets: Target[] = []
  if (platform === 'linux') {
    for (const folder of entries.filter((entry) => /^linux(-[a-z0-9]+)?-unpacked$/.test(entry))) {
      targets.push({ label: folder, command: [join(distDir, folder, executableName)] })
    }
    for (const image of entries.filter((entry) => entry.endsWith('.AppImage'))) {
      targets.push({ label: image, command: [join(distDir, image)], env: { APPIMAGE_EXTRACT_AND_RUN: '1' } })
    }
    for (const deb of entries.filter((entry) => entry.endsWith('.deb'))) {
      targets.push({ label: deb, command: [`/opt/${productName}/${executableName}`] })
    }
  } else if (platform === 'darwin') {
    for (const folder of entries.filter((entry) => /^mac(-[a-z0-9]+)?$/.test(entry))) {
      targets.push({ label: folder, command: [join(distDir, folder, `${productName}.app`, 'Contents', 'MacOS', productName)] })
    }
  } else if (platform === 'win32') {
    for (const folder of entries.filter((entry) => /^win(-[a-z0-9]+)?-unpacked$/.test(entry))) {
      targets.push({ label: folder, command: [join(distDir, folder, `${productName}.exe`)] })
    }
  }
  return targets
}

function run(target: Target): boolean {
  const [executable, ...args] = target.command
  // Linux runners: a virtual display, a private Secret Service, and no setuid sandbox helper (not installed root-owned).
  const command =
    process.platform === 'linux'
      ? ['xvfb-run', '--auto-servernum', 'bash', join(root, 'scripts/with-keyring.sh'), executable!, ...args, '--no-sandbox', '--self-test']
      : [executable!, ...args, '--self-test']
  console.log(`== ${target.label}: ${command.join(' ')}`)
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, ...target.env }, timeout: 120_000 })
  console.log(`== ${target.label}: exit ${result.status ?? result.signal ?? result.error?.message}`)
  return result.status === 0
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('packaged-self-test.ts')) {
  const targets = packagedTargets(dist, process.platform)
  if (targets.length === 0) {
    console.error(`no packaged build found in ${dist}: run npm run dist first`)
    process.exit(1)
  }
  const debs = readdirSync(dist).filter((entry) => entry.endsWith('.deb'))
  if (process.platform === 'linux' && debs.length > 0) {
    const install = spawnSync('sudo', ['apt-get', 'install', '-y', ...debs.map((deb) => join(dist, deb))], { stdio: 'inherit' })
    if (install.status !== 0) process.exit(1)
  }
  const failed = targets.filter((target) => !run(target))
  console.log(failed.length === 0 ? `packaged self-test passed on ${targets.length} builds` : `packaged self-test FAILED on ${failed.map((target) => target.label).join(', ')}`)
  process.exit(failed.length === 0 ? 0 : 1)
}
