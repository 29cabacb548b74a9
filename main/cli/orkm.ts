// The `orkm` executable (package.json "bin"), bundled to out/cli/orkm.mjs; runs under plain Node.
import { version } from '../../package.json'
import { isInstalledCopy } from './key-source'
import { main } from './main'

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  platform: process.platform,
  installed: isInstalledCopy(import.meta.url),
  version,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
