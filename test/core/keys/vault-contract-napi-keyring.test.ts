// The vault contract against @napi-rs/keyring (pinned to the Secret Service on Linux): what a switch from keytar
// would have to keep. Its services are its own: keytar never lists them (see test/support/napi-keyring.ts).
import { loadNapiKeyringAsKeytar, napiKeyringSkipReason } from '../../support/napi-keyring'
import { describeVaultContract } from './vault-contract'

describeVaultContract('@napi-rs/keyring', () => Promise.resolve(loadNapiKeyringAsKeytar()), napiKeyringSkipReason)
