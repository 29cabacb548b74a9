// The key list as main last described it: loaded once, then kept current by `keys:changed` events and the
// results of the person's own actions. Results that may be older than an event received meanwhile are not
// applied; the list is read again instead.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AddKeyOutcome, AppError, CopyFormat, CopyReceipt, KeyListView, KeyView, MintRequest, RefreshMode, Result, Settings } from '../../../preload/contract'
import type { OrkmApi } from '../api'
import type { EarlyList, TakeEarlyList } from '../startup/early-list'

export type KeyListLoad = { phase: 'loading' } | { phase: 'failed'; error: AppError } | { phase: 'ready'; view: KeyListView }

export interface KeyListActions {
  reload(): Promise<Result<KeyListView>>
  refreshKey(keyId: string): Promise<Result<KeyView>>
  refreshAll(mode: RefreshMode): Promise<Result<KeyListView>>
  rename(keyId: string, label: string): Promise<Result<KeyView>>
  setDefault(keyId: string): Promise<Result<KeyListView>>
  confirmAccount(keyId: string): Promise<Result<KeyListView>>
  reorder(keyIds: string[]): Promise<Result<KeyListView>>
  remove(keyId: string): Promise<Result<KeyListView>>
  add(secret: string, label: string): Promise<Result<AddKeyOutcome>>
  mint(request: MintRequest): Promise<Result<KeyView>>
  updateSettings(patch: Partial<Settings>): Promise<Result<KeyListView>>
  copy(keyId: string, format: CopyFormat): Promise<Result<CopyReceipt>>
  openRevokePage(keyId: string): Promise<Result<null>>
}

export interface KeyList {
  load: KeyListLoad
  /** Keys whose Refresh the person started and that have not answered yet. */
  pendingRefresh: ReadonlySet<string>
  /** A manual Refresh all is running. */
  refreshingAll: boolean
  actions: KeyListActions
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** Keeps unchanged keys the very same objects, so memoized cards do not re-render on every event. */
export function shareUnchanged(previous: KeyListView | null, next: KeyListView): KeyListView {
  if (!previous) return next
  const byId = new Map(previous.keys.map((key) => [key.id, key]))
  const keys = next.keys.map((key) => {
    const old = byId.get(key.id)
    return old && sameJson(old, key) ? old : key
  })
  const keysSame = keys.length === previous.keys.length && keys.every((key, index) => key === previous.keys[index])
  const settings = sameJson(previous.settings, next.settings) ? previous.settings : next.settings
  const warnings = sameJson(previous.warnings, next.warnings) ? previous.warnings : next.warnings
  const notices = sameJson(previous.notices, next.notices) ? previous.notices : next.notices
  if (keysSame && settings === previous.settings && warnings === previous.warnings && notices === previous.notices) return previous
  return { keys: keysSame ? previous.keys : keys, settings, warnings, notices }
}

/**
 * `takeEarlyList` hands over the list requested before React started (startup/early-list.ts), once; without it,
 * or after, the list is asked for on mount.
 */
export function useKeyList(api: OrkmApi, takeEarlyList?: TakeEarlyList): KeyList {
  const [load, setLoad] = useState<KeyListLoad>({ phase: 'loading' })
  const [pendingRefresh, setPendingRefresh] = useState<ReadonlySet<string>>(() => new Set())
  const [refreshingAll, setRefreshingAll] = useState(false)
  /** Counts `keys:changed` events; a result is applied only if none arrived while its call ran. */
  const eventCount = useRef(0)
  /** The list on screen, for merging results outside render. */
  const shown = useRef<KeyListView | null>(null)

  const show = useCallback((view: KeyListView) => {
    if (shown.current === view) return
    shown.current = view
    setLoad({ phase: 'ready', view })
  }, [])

  const applyList = useCallback((next: KeyListView) => show(shareUnchanged(shown.current, next)), [show])

  const reload = useCallback(async (): Promise<Result<KeyListView>> => {
    const startedAt = eventCount.current
    const result = await api.listKeys()
    if (result.ok) {
      if (eventCount.current === startedAt) applyList(result.value)
    } else {
      if (!shown.current) setLoad({ phase: 'failed', error: result.error })
    }
    return result
  }, [api, applyList])

  /**
   * The first list from the early request: applied like a reload's answer, an event since it was sent winning. The
   * early request listens until its answer, so its last event is also the last this hook received meanwhile.
   */
  const adoptEarly = useCallback(
    async (early: Promise<EarlyList>) => {
      const { result, lastEvent } = await early
      if (lastEvent) applyList(lastEvent)
      else if (result.ok) applyList(result.value)
      else if (!shown.current) setLoad({ phase: 'failed', error: result.error })
    },
    [applyList],
  )

  const takeEarly = useRef(takeEarlyList)
  useEffect(() => {
    const unsubscribe = api.onKeysChanged((view) => {
      eventCount.current += 1
      applyList(view)
    })
    // Subscribed first, so nothing arriving from now on is missed; then the early request, else a new one.
    const early = takeEarly.current?.() ?? null
    if (early) void adoptEarly(early)
    else void reload()
    return unsubscribe
  }, [api, applyList, reload, adoptEarly])

  const actions = useMemo<KeyListActions>(() => {
    /** Runs a call whose result is a whole list. */
    async function listCall(call: () => Promise<Result<KeyListView>>): Promise<Result<KeyListView>> {
      const startedAt = eventCount.current
      const result = await call()
      if (result.ok) {
        if (eventCount.current === startedAt) applyList(result.value)
        else void reload()
      }
      return result
    }
    /** Runs a call whose result is one key: merged in place, or the list is read again (a new key, or a race). */
    async function keyCall(call: () => Promise<Result<KeyView>>): Promise<Result<KeyView>> {
      const startedAt = eventCount.current
      const result = await call()
      if (result.ok) {
        const updated = result.value
        const current = shown.current
        if (eventCount.current === startedAt && current && current.keys.some((key) => key.id === updated.id)) {
          show({ ...current, keys: current.keys.map((key) => (key.id === updated.id ? updated : key)) })
        } else {
          void reload()
        }
      }
      return result
    }
    return {
      reload,
      async refreshKey(keyId) {
        setPendingRefresh((current) => new Set(current).add(keyId))
        try {
          return await keyCall(() => api.refreshKey(keyId))
        } finally {
          setPendingRefresh((current) => {
            const next = new Set(current)
            next.delete(keyId)
            return next
          })
        }
      },
      async refreshAll(mode) {
        if (mode === 'manual') setRefreshingAll(true)
        try {
          return await listCall(() => api.refreshAll(mode))
        } finally {
          if (mode === 'manual') setRefreshingAll(false)
        }
      },
      rename: (keyId, label) => keyCall(() => api.renameKey(keyId, label)),
      setDefault: (keyId) => listCall(() => api.setDefaultKey(keyId)),
      confirmAccount: (keyId) => listCall(() => api.confirmKeyAccount(keyId)),
      reorder: (keyIds) => listCall(() => api.reorderKeys(keyIds)),
      remove: (keyId) => listCall(() => api.removeKey(keyId)),
      add: async (secret, label) => {
        const result = await api.addKey(secret, label)
        // A management key is not a key of this list; an API key is merged like any new key.
        if (result.ok && result.value.kind === 'api-key') void reload()
        return result
      },
      mint: (request) => keyCall(() => api.mintKey(request)),
      updateSettings: (patch) => listCall(() => api.updateSettings(patch)),
      copy: (keyId, format) => api.copyKey(keyId, format),
      openRevokePage: (keyId) => api.openRevokePage(keyId),
    }
  }, [api, applyList, reload, show])

  return { load, pendingRefresh, refreshingAll, actions }
}
