// Where the end-to-end suite writes its screenshots: an ignored folder, so running the tests changes no tracked
// file. `npm run screenshots` sets ORKM_SCREENSHOT_DIR=docs/screenshots to refresh the README's pictures on purpose.
import { join } from 'node:path'

export function screenshotPath(name: string): string {
  return join(process.env['ORKM_SCREENSHOT_DIR'] ?? 'test-output/screenshots', name)
}
