// Spend per key and for the account: from /activity with a management key (one request per key, cached per UTC day,
// backing off on 429), otherwise from the local history the app records at each refresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountSpend, AddKeyOutcome, Result, SpendSeries } from '../../../preload/contract'
import { completedUtcDays } from '../../../main/core/history/utc-days'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'

const DAY = 24 * 60 * 60 * 1000
let double: OpenRouterDouble
let app: TestServices
beforeEach(async () => {
  double = await startOpenRouterDouble()
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})
function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value as T
}
const activityRequests = () => double.requests.filter((entry) => entry.path === '/api/v1/activity')

describe('spend', () => {
  it('with a management key: daily totals from /activity for the key, cached for the UTC day, forecast from them', async () => {
    const secret = double.createKey({ limit: 100, limitReset: null })
    const { id } = await app.services.intake.add(secret, 'Charted')
    const dates = double.activityDates()
    double.setActivity([
      { date: dates.at(-1)!, secret, model: 'openai/gpt-4o', usage: 1.25 },
      { date: dates.at(-1)!, secret, model: 'anthropic/claude-3.5-sonnet', usage: 0.75 },
      { date: dates.at(-2)!, secret, model: 'openai/gpt-4o', usage: 2 },
      { date: dates.at(-3)!, secret, model: 'openai/gpt-4o', usage: 2 },
      { date: dates.at(-1)!, secret: double.createKey(), model: 'openai/gpt-4o', usage: 9 },
    ])
    expect(value<AddKeyOutcome>(await app.services.dispatch('keys:add', [double.createManagementKey(), ''])).kind).toBe('management-key')
    await app.services.account.refresh()

    const [series] = value<SpendSeries[]>(await app.services.dispatch('account:spend', [[{ keyId: id }]]))
    expect(series!.source).toBe('activity')
    expect(series!.days.map((day) => day.date)).toEqual(completedUtcDays(Date.now()))
    expect(series!.days.slice(-3).map((day) => day.usage)).toEqual([2, 2, 2])
    // /activity answers every day: the four days before without rows are $0, so the pace is $6 over 7 days.
    expect(series!.forecast.kind).toBe('reaches-limit')
    const reached = Date.parse((series!.forecast as { date: string }).date)
    expect(Math.abs(reached - (Date.now() + (100 / (6 / 7)) * DAY))).toBeLessThan(1.01 * DAY)
    expect(activityRequests().at(-1)!.authorization).toMatch(/^Bearer /)

    const count = activityRequests().length
    await app.services.dispatch('account:spend', [[{ keyId: id }]])
    expect(activityRequests().length).toBe(count) // cached for the day

    const chart = value<AccountSpend>(await app.services.dispatch('account:spend-chart', ['model']))
    expect(chart.series.map((entry) => entry.name).sort()).toEqual(['anthropic/claude-3.5-sonnet', 'openai/gpt-4o'])
    expect(chart.series.find((entry) => entry.name === 'openai/gpt-4o')!.usage.at(-1)).toBe(10.25)
  })

  it('after a 429 no activity request is made until Retry-After; the local history stands in', async () => {
    const { id } = await app.services.intake.add(double.createKey(), 'Limited')
    await app.services.dispatch('keys:add', [double.createManagementKey(), ''])
    await app.services.account.refresh()
    double.setFailure('activity', { kind: 'rate-limited', retryAfterSeconds: 600 })
    const [first] = value<SpendSeries[]>(await app.services.dispatch('account:spend', [[{ keyId: id }]]))
    expect(first!.source).toBe('local-history')
    const count = activityRequests().length
    expect(count).toBe(1) // asked once, answered 429
    await app.services.dispatch('account:spend', [[{ keyId: id }]])
    expect(activityRequests().length).toBe(count)
  })

  it('without a management key: from the local history of refreshes, with gaps for days it cannot tell', async () => {
    const { id } = await app.services.intake.add(double.createKey({ limit: 10 }), 'Local')
    const days = completedUtcDays(Date.now())
    const startOf = (day: string) => Date.parse(`${day}T12:00:00Z`)
    // Refreshes seen on the last four days but one: day −4 began at $1, −3 at $2.5, (no −2), −1 at $6, today at $7.
    app.services.history.record(id, { usage: 1.5, usageDaily: 0.5 }, startOf(days.at(-4)!))
    app.services.history.record(id, { usage: 3, usageDaily: 0.5 }, startOf(days.at(-3)!))
    app.services.history.record(id, { usage: 6.5, usageDaily: 0.5 }, startOf(days.at(-1)!))
    app.services.history.record(id, { usage: 7.5, usageDaily: 0.5 }, Date.now())
    const [series] = value<SpendSeries[]>(await app.services.dispatch('account:spend', [[{ keyId: id }]]))
    expect(series!.source).toBe('local-history')
    expect(series!.days.slice(-5).map((day) => day.usage)).toEqual([null, 1.5, null, null, 1])
    expect(activityRequests()).toEqual([])

    const chart = value<AccountSpend>(await app.services.dispatch('account:spend-chart', ['key']))
    expect(chart.series).toEqual([{ name: 'Local', usage: series!.days.map((day) => day.usage) }])
  })

  it('the account chart by key shows the keys that spent most this month without any key being opened first', async () => {
    const big = double.createKey({ usageMonthly: 40, usage: 40 })
    const small = double.createKey({ usageMonthly: 5, usage: 5 })
    const idle = double.createKey({ usageMonthly: 0 })
    const dates = double.activityDates()
    double.setActivity([
      { date: dates.at(-1)!, secret: big, model: 'openai/gpt-4o', usage: 3 },
      { date: dates.at(-2)!, secret: small, model: 'openai/gpt-4o', usage: 1 },
    ])
    await app.services.dispatch('keys:add', [double.createManagementKey(), ''])
    await app.services.account.refresh()
    const before = activityRequests().length
    const chart = value<AccountSpend>(await app.services.dispatch('account:spend-chart', ['key']))
    expect(chart.series).toHaveLength(2)
    expect(chart.series.map((entry) => entry.usage.at(-1))).toEqual([3, 0])
    // One request per spending key; the idle key costs nothing; a second look is cached.
    expect(activityRequests().length - before).toBe(2)
    await app.services.dispatch('account:spend-chart', ['key'])
    expect(activityRequests().length - before).toBe(2)
    void idle
  })
})
