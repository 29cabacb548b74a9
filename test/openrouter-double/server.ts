// Starts the double on 127.0.0.1 and hands back its controls: a local OpenRouter whose consent page lives at
// /auth and whose API lives under /api/v1, faithful to openapi-oauth.yaml and to @openrouter/sdk 1.3.19.
import { createServer, type ServerResponse } from 'node:http'
import type { DoubleContext, DoubleSettings } from './context'
import { Delays } from './delays'
import { createDispatcher } from './dispatch'
import { FailurePlan } from './failures'
import { storedMethod } from './pkce'
import { API_PREFIX } from './routes/table'
import { activityDates } from './routes/activity'
import { DEFAULT_WORKSPACE_ID, definedOnly, DoubleState } from './state'
import type { DoubleOptions, OpenRouterDouble, RecordedRequest } from './types'

export async function startOpenRouterDouble(options: DoubleOptions = {}): Promise<OpenRouterDouble> {
  const now = options.now ?? (() => Date.now())
  const settings: DoubleSettings = {
    consentMode: 'page',
    invalidCodeStatus: 403,
    latencyMs: nonNegative(options.latencyMs ?? 0),
    createCodeAuth: 'any-key',
  }
  const context: DoubleContext = { state: new DoubleState(now), now, settings }
  const failures = new FailurePlan()
  const delays = new Delays()
  const hanging = new Set<ServerResponse>()
  const requests: RecordedRequest[] = []

  const server = createServer(createDispatcher({ context, failures, delays, requests, hold: (res) => hanging.add(res) }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The OpenRouter double has no TCP address.')
  const origin = `http://127.0.0.1:${address.port}`
  const { state } = context

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      delays.cancelAll()
      for (const res of hanging) res.socket?.destroy()
      hanging.clear()
      server.close(() => resolve())
      // Keep-alive and hanging connections would otherwise hold close() open.
      server.closeAllConnections()
    })
    return closing
  }

  return {
    origin,
    apiBaseUrl: `${origin}${API_PREFIX}`,
    requests,
    keys: () => state.allKeys(),
    issuedCodes: () => state.issuedCodes(),
    createKey: (init) => state.createKey(init),
    updateKey: (secret, patch) => {
      Object.assign(state.requireKey(secret), definedOnly(patch))
    },
    revokeKey: (secret) => {
      state.requireKey(secret).disabled = true
    },
    createManagementKey: (init = {}) => state.createKey({ ...init, isManagementKey: true }),
    defaultWorkspaceId: DEFAULT_WORKSPACE_ID,
    addWorkspace: (init) => state.addWorkspace(init),
    workspaces: () => state.workspaces(),
    seedAccountKeys: ({ count, workspaces = 1, init }) => {
      if (!Number.isInteger(count) || count < 0 || !Number.isInteger(workspaces) || workspaces < 1) {
        throw new RangeError('seedAccountKeys: count ≥ 0 and workspaces ≥ 1, both integers')
      }
      const ids = state.workspaces().map((workspace) => workspace.id)
      while (ids.length < workspaces) ids.push(state.addWorkspace())
      return Array.from({ length: count }, (_, index) => state.createKey({ workspaceId: ids[index % workspaces]!, ...init?.(index) }))
    },
    setCredits: ({ totalCredits, totalUsage }) => {
      state.credits = { totalCredits, totalUsage }
    },
    setActivity: (rows) => {
      state.activity = rows.map((row) => ({ ...row }))
    },
    activityDates: () => activityDates(now()),
    hashOf: (secret) => state.hashOf(secret),
    setHashRule: (rule) => {
      state.hashRule = rule
    },
    setCreateCodeAuth: (auth) => {
      settings.createCodeAuth = auth
    },
    setRateLimit: (plan) => failures.setRateLimit(plan),
    setLatency: (ms) => {
      settings.latencyMs = nonNegative(ms)
    },
    failNext: (route, failure, times = 1) => failures.failNext(route, failure, times),
    setFailure: (route, failure) => failures.setFailure(route, failure),
    setConsentMode: (mode) => {
      settings.consentMode = mode
    },
    setInvalidCodeStatus: (status) => {
      settings.invalidCodeStatus = status
    },
    issueCode: ({ codeChallenge, codeChallengeMethod, key }) => {
      const challenge = codeChallenge ?? null
      return state.issueCode(challenge, storedMethod(challenge, codeChallengeMethod), key ?? {})
    },
    close,
  }
}

function nonNegative(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a finite number of milliseconds ≥ 0')
  return ms
}
