// The account as main last described it: read once, then kept current by `account:changed` and by the
// results of the person's own actions (every action answers the new view, so the screen follows at once).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AccountInvokeContract, AccountView } from '../../../preload/account-contract'
import type { AppError, Result } from '../../../preload/contract'
import type { AccountApi, AccountChannel } from './account-api'

export type AccountLoad = { phase: 'loading' } | { phase: 'failed'; error: AppError } | { phase: 'ready'; view: AccountView }

type ViewChannel = { [C in AccountChannel]: AccountInvokeContract[C]['result'] extends AccountView ? C : never }[AccountChannel]

export interface AccountState {
  load: AccountLoad
  /** Runs a call whose answer is the new account view, and shows that view. */
  act<C extends ViewChannel>(channel: C, ...args: AccountInvokeContract[C]['args']): Promise<Result<AccountView>>
  reload(): Promise<void>
}

/** `api` null: the preload offers no account mode; the state stays 'loading' and nothing is called. */
export function useAccount(api: AccountApi | null): AccountState {
  const [load, setLoad] = useState<AccountLoad>({ phase: 'loading' })
  const events = useRef(0)

  const reload = useCallback(async () => {
    if (!api) return
    const seen = events.current
    const result = await api.call('account:state')
    // An event newer than this answer already put a fresher view on screen.
    if (events.current !== seen) return
    setLoad(result.ok ? { phase: 'ready', view: result.value } : { phase: 'failed', error: result.error })
  }, [api])

  useEffect(() => {
    if (!api) return
    const stop = api.onChanged((view) => {
      events.current += 1
      setLoad({ phase: 'ready', view })
    })
    void reload()
    return stop
  }, [api, reload])

  const act = useCallback(
    async <C extends ViewChannel>(channel: C, ...args: AccountInvokeContract[C]['args']): Promise<Result<AccountView>> => {
      if (!api) return { ok: false, error: { code: 'internal', message: 'Account mode is not available in this build.' } }
      const seen = events.current
      const result = (await api.call(channel, ...args)) as Result<AccountView>
      if (result.ok && events.current === seen) setLoad({ phase: 'ready', view: result.value })
      return result
    },
    [api],
  )

  return useMemo(() => ({ load, act, reload }), [load, act, reload])
}
