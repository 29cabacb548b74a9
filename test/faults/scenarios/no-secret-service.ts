// Runs with an unreachable D-Bus: what the person is told when no keychain exists.
import { createKeytarVault } from '../../../main/core/keys/secret-vault'
import { isAppFailure } from '../../../main/core/base/app-failure'

const vault = createKeytarVault('orkm-no-secret-service')
try {
  await vault.set('account', 'secret')
  console.log('RESULT {"stored":true}')
} catch (error) {
  console.log(`RESULT ${JSON.stringify(isAppFailure(error) ? error.appError : { message: String(error) })}`)
}
