// orkm as `npm install -g` lays it out: the package under <prefix>/lib/node_modules, its bin linked from
// <prefix>/bin and run through its shebang. Installed, it ignores OPENROUTER_BASE_URL, as the packaged app does.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { EXIT_CODES } from '../../main/cli/exit-codes'
import { makeTempDir } from '../support/temp-dir'
import { assertCliBuilt, baseEnv, ORKM } from './run-orkm'

const root = join(import.meta.dirname, '../..')
let prefix: { path: string; remove(): Promise<void> }
let bin: string

beforeAll(async () => {
  assertCliBuilt()
  prefix = await makeTempDir('orkm-prefix-')
  const modules = join(prefix.path, 'lib/node_modules')
  const packageDir = join(modules, 'openrouter-key-manager')
  mkdirSync(join(packageDir, 'out/cli'), { recursive: true })
  copyFileSync(ORKM, join(packageDir, 'out/cli/orkm.mjs'))
  copyFileSync(join(root, 'package.json'), join(packageDir, 'package.json'))
  // Its dependencies, where npm would have installed them.
  for (const dependency of ['keytar', 'zod', '@openrouter']) symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency))
  mkdirSync(join(prefix.path, 'bin'))
  bin = join(prefix.path, 'bin/orkm')
  symlinkSync('../lib/node_modules/openrouter-key-manager/out/cli/orkm.mjs', bin)
  chmodSync(join(packageDir, 'out/cli/orkm.mjs'), 0o755)
})
afterAll(async () => {
  await prefix.remove()
})

it.skipIf(process.platform === 'win32')('runs through its bin link and ignores OPENROUTER_BASE_URL when installed', async () => {
  const data = await makeTempDir('orkm-installed-data-')
  try {
    const env = baseEnv({ ORKM_DATA_DIR: data.path, PATH: `${join(prefix.path, 'bin')}:${process.env.PATH}` }) as NodeJS.ProcessEnv
    const version = spawnSync('orkm', ['--version'], { env, encoding: 'utf8' })
    expect(version).toMatchObject({ status: 0, stdout: '0.1.0\n' })
    // Not even validated when installed: it could only send keys to another host.
    const installed = spawnSync('orkm', ['list'], { env: { ...env, OPENROUTER_BASE_URL: 'http://example.invalid/api' }, encoding: 'utf8' })
    expect(installed).toMatchObject({ status: 0, stdout: expect.stringMatching(/No keys are stored/) })
    // The same bundle run from the checkout honours (and so validates) it.
    const checkout = spawnSync(process.execPath, [ORKM, 'list'], { env: { ...env, OPENROUTER_BASE_URL: 'http://example.invalid/api' }, encoding: 'utf8' })
    expect(checkout).toMatchObject({ status: EXIT_CODES.usage.code, stderr: expect.stringMatching(/OPENROUTER_BASE_URL: must be https/) })
  } finally {
    await data.remove()
  }
})
