// Account mode's calls, one function per channel of the account contract (derived from it, so a new channel
// cannot be forgotten here). `accountApiOf` builds it on `window.orkm` once the preload exposes the channels.
import type { AccountEventContract, AccountInvokeContract } from '../../../preload/account-contract'
import type { Result } from '../../../preload/contract'
import type { OrkmApi } from '../api'

export type AccountChannel = keyof AccountInvokeContract

export interface AccountApi {
  call<C extends AccountChannel>(channel: C, ...args: AccountInvokeContract[C]['args']): Promise<Result<AccountInvokeContract[C]['result']>>
  onChanged(listener: (view: AccountEventContract['account:changed']) => void): () => void
}

/** The account calls `window.orkm` offers, or null while the preload does not expose them (no account mode). */
export function accountApiOf(api: OrkmApi): AccountApi | null {
  const candidate = api as OrkmApi & Partial<{ account: AccountApi }>
  return candidate.account ?? null
}
