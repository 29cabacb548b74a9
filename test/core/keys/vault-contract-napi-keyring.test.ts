// The vault contract against @napi-rs/keyring (pinned to the Secret Service on Linux): what a switch from keytar
// would have to keep. Runs in its own test file, hence its own worker process: never beside keytar (see napi-keyring.ts).
import { loadNapiKeyringAsKeytar, napiKeyringSkipReason } from '../../support/napi-keyring'
import { describeVaultContract } from './vault-contract'

describeVaultContract('@napi-rs/keyring', () => Promise.resolve(loadNapiKeyringAsKeytar()), napiKeyringSkipReason)
