import { describe, expect, it } from 'vitest'
import { checkDebugSwitches, findDebugSwitches, isE2ETestBuild } from '../../../main/core/app/debug-switches'

const installed = { isPackaged: true, isE2ETestBuild: false, platform: 'linux' as const }
const exe = '/opt/OpenRouter Key Manager/openrouter-key-manager'

describe('debugging switches', () => {
  it('finds every form of the forbidden switches, with or without a value', () => {
    const argv = [
      exe,
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--remote-allow-origins=*',
      '--inspect',
      '--inspect=0',
      '--inspect-brk=127.0.0.1:9229',
      '--inspect-port=9230',
      '-remote-debugging-port=1', // Chromium accepts a single dash
      '--REMOTE-DEBUGGING-PORT=2',
    ]
    expect(findDebugSwitches(argv, 'linux')).toEqual(argv.slice(1).map((arg) => arg.split('=')[0]))
  })

  it('accepts /switch only on Windows, and leaves links, paths and other switches alone', () => {
    expect(findDebugSwitches(['C:\\app.exe', '/remote-debugging-port=9222'], 'win32')).toEqual(['/remote-debugging-port'])
    expect(findDebugSwitches(['/usr/bin/app', '/inspect'], 'linux')).toEqual([])
    expect(
      findDebugSwitches([exe, 'openrouter-key-manager://connect?limit=5', '--no-sandbox-not-really', '--enable-logging', 'inspect', '--self-test', '--remote-debugging'], 'linux'),
    ).toEqual([])
  })

  it('an installed app refuses them and says which and why; development runs and the e2e test build do not', () => {
    const verdict = checkDebugSwitches([exe, '--inspect=0', '--remote-debugging-port=0'], installed)
    expect(verdict).toEqual({ allowed: false, switches: ['--inspect', '--remote-debugging-port'], message: expect.stringMatching(/does not start with --inspect, --remote-debugging-port: .*read the keys/) })
    expect(checkDebugSwitches([exe, '--inspect=0'], { ...installed, isPackaged: false })).toEqual({ allowed: true })
    expect(checkDebugSwitches([exe, '--inspect=0'], { ...installed, isE2ETestBuild: true })).toEqual({ allowed: true })
    expect(checkDebugSwitches([exe], installed)).toEqual({ allowed: true })
  })

  it('recognises the test build only by the exact marker in its package.json', () => {
    expect(isE2ETestBuild({ name: 'x', orkmTestBuild: 'e2e' })).toBe(true)
    for (const json of [null, undefined, 'orkmTestBuild', { orkmTestBuild: true }, { orkmTestBuild: 'E2E' }, { name: 'x' }, []]) {
      expect(isE2ETestBuild(json)).toBe(false)
    }
  })
})
