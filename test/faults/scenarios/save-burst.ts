// A process that saves and removes keys as fast as it can, until it is killed with SIGKILL by the test.
// Each line it prints is a completed step, so the test knows what had certainly happened before the kill.
import { startTestServices } from '../../support/core-services'

const apiBaseUrl = process.env['ORKM_BURST_API'] ?? 'http://127.0.0.1:9/api/v1'
const app = await startTestServices({
  apiBaseUrl,
  keychainService: process.env['ORKM_BURST_SERVICE']!,
  dataDir: process.env['ORKM_BURST_DATA']!,
})
console.log('READY')
for (let index = 0; ; index += 1) {
  const secret = `sk-or-v1-${index.toString(16).padStart(64, '0')}`
  const stored = await app.services.keys.saveKey(secret, { userId: null, label: `Burst ${index}` })
  console.log(`SAVED ${stored.id}`)
  if (index % 3 === 2) {
    await app.services.keys.remove(stored.id)
    console.log(`REMOVED ${stored.id}`)
  }
}
