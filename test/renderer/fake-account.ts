// A stateful, in-memory stand-in for account mode's main side, shaped exactly like the renderer's AccountApi
// (one call per channel of the account contract). Used by the jsdom tests and the preview script.
import type {
  AccountInvokeContract,
  AccountKeyRef,
  AccountKeyView,
  AccountSpend,
  AccountView,
  ManagementKeyView,
  SpendDay,
  SpendSeries,
} from '../../preload/account-contract'
import type { AppError, KeyView, Result } from '../../preload/contract'
import type { AccountApi, AccountChannel } from '../../renderer/src/account/account-api'
import { NOW, fakeKeyId, makeKey } from './fake-orkm'

const DAY = 24 * 60 * 60 * 1000

export const MANAGEMENT_SECRET = 'sk-or-v1-mgmt-0123456789abcdef0123456789abcdef0123456789abcdef01234567'

export function makeAccountKey(overrides: Partial<AccountKeyView> & { name: string }): AccountKeyView {
  const hash = overrides.hash ?? fakeKeyId(`account:${overrides.name}`)
  return {
    hash,
    label: `sk-or-v1-${hash.slice(0, 3)}...${hash.slice(-3)}`,
    workspaceId: 'ws-default',
    workspaceName: null,
    disabled: false,
    limit: 20,
    limitRemaining: 12.5,
    limitReset: 'monthly',
    includeByokInLimit: false,
    usage: 40.25,
    usageDaily: 0.75,
    usageWeekly: 3.1,
    usageMonthly: 7.5,
    byokUsage: 0,
    createdAt: new Date(NOW - 90 * DAY).toISOString(),
    expiresAt: null,
    deviceKeyId: null,
    matchedBy: null,
    status: { kind: 'active', reason: 'Active.' },
    ...overrides,
  }
}

export function sampleAccountKeys(): AccountKeyView[] {
  return [
    makeAccountKey({ name: 'Personal laptop', deviceKeyId: fakeKeyId('Personal laptop'), matchedBy: 'hash', limit: 25, limitRemaining: 18.42 }),
    makeAccountKey({ name: 'Website chatbot', limit: 100, limitRemaining: 8.1, limitReset: 'weekly', usageMonthly: 61.3, status: { kind: 'low-credit', reason: 'Less than 10% of the limit is left.' } }),
    makeAccountKey({ name: 'Staging', disabled: true, usageMonthly: 0, usageDaily: 0, usageWeekly: 0 }),
    makeAccountKey({ name: 'Nightly batch', limit: null, limitRemaining: null, limitReset: null, usage: 812.4, usageMonthly: 120.9, byokUsage: 14.2 }),
    makeAccountKey({ name: 'Contractor (expires soon)', expiresAt: new Date(NOW + 3 * DAY).toISOString(), status: { kind: 'expiring-soon', reason: 'Expires in 3 days.' } }),
  ]
}

export function manyAccountKeys(count: number): AccountKeyView[] {
  return Array.from({ length: count }, (_, index) =>
    makeAccountKey({
      name: `Account key ${String(index + 1).padStart(4, '0')}`,
      limitRemaining: (index * 7) % 20,
      usageMonthly: (index * 13) % 50,
      deviceKeyId: index % 10 === 0 ? fakeKeyId(`device ${index}`) : null,
    }),
  )
}

/** 30 completed UTC days before `now`, oldest first; every seventh day has no data. */
export function spendDays(now: number = NOW, usageOf: (index: number) => number | null = (index) => (index % 7 === 3 ? null : ((index * 37) % 11) / 10)): SpendDay[] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate())
  return Array.from({ length: 30 }, (_, index) => ({ date: new Date(today - (30 - index) * DAY).toISOString().slice(0, 10), usage: usageOf(index) }))
}

export interface FakeAccountOptions {
  managementKey?: ManagementKeyView | null
  keys?: AccountKeyView[]
  workspaces?: Array<{ id: string; name: string }>
  view?: Partial<AccountView>
  spendSource?: SpendSeries['source']
}

type Handler<C extends AccountChannel> = (...args: AccountInvokeContract[C]['args']) => Result<AccountInvokeContract[C]['result']>

export interface FakeAccount {
  api: AccountApi
  view(): AccountView
  calls: Array<{ channel: AccountChannel; args: unknown[] }>
  callsTo(channel: AccountChannel): unknown[][]
  respond<C extends AccountChannel>(channel: C, handler: Handler<C>): void
  emit(view: AccountView): void
  /** Keys the fake "created" (create/rotate), as the device list would show them. */
  createdDeviceKeys: KeyView[]
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value })
const fail = <T>(error: AppError): Result<T> => ({ ok: false, error })

export const MANAGEMENT_KEY_VIEW: ManagementKeyView = {
  maskedKey: 'sk-or-v1-…4567',
  remoteLabel: 'Key manager',
  account: 'user_2dHFtVWx2n56w6HkM0000000000',
  addedAt: new Date(NOW - DAY).toISOString(),
}

export function createFakeAccount(options: FakeAccountOptions = {}): FakeAccount {
  let state: AccountView = {
    managementKey: options.managementKey === undefined ? MANAGEMENT_KEY_VIEW : options.managementKey,
    credits: { totalCredits: 150, totalUsage: 112.35, balance: 37.65 },
    keys: options.keys ?? sampleAccountKeys(),
    workspaces: options.workspaces ?? [{ id: 'ws-default', name: 'Default' }],
    complete: true,
    listingProblem: null,
    goneFromAccount: [],
    revokedStillStored: [],
    pendingRotations: [],
    refreshing: false,
    checkedAt: new Date(NOW - 60 * 1000).toISOString(),
    lastError: null,
    ...options.view,
  }
  if (state.managementKey === null) state = { ...state, credits: null, keys: [], checkedAt: null }
  const listeners = new Set<(view: AccountView) => void>()
  const calls: FakeAccount['calls'] = []
  const overrides = new Map<AccountChannel, (...args: never[]) => Result<unknown>>()
  const createdDeviceKeys: KeyView[] = []

  const find = (ref: AccountKeyRef) => state.keys.find((key) => ('hash' in ref ? key.hash === ref.hash : key.deviceKeyId === ref.keyId))
  const notFound = () => fail<AccountView>({ code: 'not-found', message: 'OpenRouter has no key with that hash.' })
  const update = (ref: AccountKeyRef, patch: (key: AccountKeyView) => AccountKeyView): Result<AccountView> => {
    const target = find(ref)
    if (!target) return notFound()
    state = { ...state, keys: state.keys.map((key) => (key === target ? patch(key) : key)) }
    return ok(state)
  }
  const requireManagementKey = (): AppError | null =>
    state.managementKey ? null : { code: 'invalid-argument', message: 'Add a management key first.' }

  const handlers: { [C in AccountChannel]: Handler<C> } = {
    'account:state': () => ok(state),
    'account:refresh': () => ok({ ...state, checkedAt: new Date(NOW).toISOString() }),
    'account:set-management-key': (secret) => {
      if (!secret.startsWith('sk-or-v1-mgmt')) {
        return fail({ code: 'invalid-argument', message: 'This is an ordinary API key, not a management key. Nothing was stored.', hint: 'Add it with Add key instead.' })
      }
      if (secret.includes('rejected')) return fail({ code: 'key-rejected', message: 'OpenRouter rejected this management key (401). Nothing was stored.' })
      state = { ...state, managementKey: MANAGEMENT_KEY_VIEW, credits: { totalCredits: 150, totalUsage: 112.35, balance: 37.65 }, keys: options.keys ?? sampleAccountKeys(), checkedAt: new Date(NOW).toISOString() }
      return ok(state)
    },
    'account:remove-management-key': () => {
      state = { ...state, managementKey: null, credits: null, keys: [], checkedAt: null }
      return ok(state)
    },
    'account:revoke': (ref) => {
      const missing = requireManagementKey()
      if (missing) return fail(missing)
      const target = find(ref)
      if (!target) return notFound()
      state = { ...state, keys: state.keys.filter((key) => key !== target) }
      return ok(state)
    },
    'account:set-disabled': (ref, disabled) => update(ref, (key) => ({ ...key, disabled })),
    'account:edit': (ref, edit) =>
      update(ref, (key) => ({
        ...key,
        ...(edit.name !== undefined ? { name: edit.name } : {}),
        ...(edit.limit !== undefined ? { limit: edit.limit, limitRemaining: edit.limit === null ? null : Math.max(0, edit.limit - key.usageMonthly) } : {}),
        ...(edit.limitReset !== undefined ? { limitReset: edit.limitReset } : {}),
        ...(edit.includeByokInLimit !== undefined ? { includeByokInLimit: edit.includeByokInLimit } : {}),
      })),
    'account:create': (request) => {
      const device = makeKey({ label: request.name })
      createdDeviceKeys.push(device)
      state = {
        ...state,
        keys: [
          ...state.keys,
          makeAccountKey({
            name: request.name,
            limit: request.limit,
            limitRemaining: request.limit,
            limitReset: request.limitReset,
            expiresAt: request.expiresAt,
            includeByokInLimit: request.includeByokInLimit,
            usage: 0,
            usageDaily: 0,
            usageWeekly: 0,
            usageMonthly: 0,
            deviceKeyId: device.id,
            matchedBy: 'hash',
          }),
        ],
      }
      return ok(device)
    },
    'account:rotate': (ref) => {
      const target = find(ref)
      if (!target) return notFound()
      const device = makeKey({ label: target.name })
      createdDeviceKeys.push(device)
      const replacement = makeAccountKey({ ...target, hash: fakeKeyId(`rotated:${target.hash}`), deviceKeyId: device.id, matchedBy: 'hash' })
      state = {
        ...state,
        keys: [...state.keys, replacement],
        pendingRotations: [...state.pendingRotations, { oldHash: target.hash, oldName: target.name, newKeyId: device.id, startedAt: new Date(NOW).toISOString() }],
      }
      return ok(state)
    },
    'account:finish-rotation': (oldHash) => {
      state = { ...state, keys: state.keys.filter((key) => key.hash !== oldHash), pendingRotations: state.pendingRotations.filter((rotation) => rotation.oldHash !== oldHash) }
      return ok(state)
    },
    'account:spend': (refs) =>
      ok(
        refs.map((ref) => {
          const key = find(ref)
          const source = options.spendSource ?? (state.managementKey ? 'activity' : 'local-history')
          return {
            ref,
            days: spendDays(),
            source,
            forecast: key && key.limit !== null ? { kind: 'reaches-limit', date: '2026-12-12' } : { kind: 'no-limit' },
          } satisfies SpendSeries
        }),
      ),
    'account:spend-chart': (groupBy) => {
      const days = spendDays().map((day) => day.date)
      const names = groupBy === 'key' ? state.keys.map((key) => key.name) : ['openai/gpt-4o', 'anthropic/claude-sonnet-4', 'google/gemini-2.5-pro']
      const spend: AccountSpend = {
        groupBy,
        days,
        series: names.map((name, series) => ({ name, usage: days.map((_, index) => (index % 7 === 3 ? null : (((index + series) * 31) % 17) / 10)) })),
      }
      return ok(spend)
    },
  }

  const api: AccountApi = {
    async call(channel, ...args) {
      calls.push({ channel, args })
      const handler = (overrides.get(channel) ?? handlers[channel]) as (...args: unknown[]) => Result<never>
      const result = handler(...args)
      await Promise.resolve()
      return result
    },
    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }

  return {
    api,
    view: () => state,
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.args),
    respond(channel, handler) {
      overrides.set(channel, handler as (...args: never[]) => Result<unknown>)
    },
    emit(view) {
      state = view
      listeners.forEach((listener) => listener(view))
    },
    createdDeviceKeys,
  }
}
