// The vault contract against keytar, the app's keychain module.
import { keytar } from '../../support/keychain'
import { describeVaultContract } from './vault-contract'

describeVaultContract('keytar', () => Promise.resolve(keytar), () => Promise.resolve(null))
