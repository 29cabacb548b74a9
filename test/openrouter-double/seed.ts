// A varied set of keys for the demo and the dashboard specs: one of each status a person can meet.
// The labels are what the app is told to call each key; the double keeps OpenRouter's masked labels.
import type { DoubleKeyState, OpenRouterDouble } from './types'

const DAY = 24 * 60 * 60 * 1000

export interface DemoSeed {
  secret: string
  label: string
}

export function seedDemoKeys(double: Pick<OpenRouterDouble, 'createKey' | 'revokeKey'>, now = Date.now()): DemoSeed[] {
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const make = (label: string, init: Partial<DoubleKeyState>): DemoSeed => ({ label, secret: double.createKey(init) })
  const seeds = [
    // Active, monthly cap, well inside it.
    make('Work laptop', { limit: 25, limitReset: 'monthly', usage: 6.4, usageDaily: 0.42, usageWeekly: 2.1, usageMonthly: 6.4, expiresAt: iso(60) }),
    // Expires in 3 days.
    make('CI pipeline', { limit: 10, limitReset: 'weekly', usage: 3.2, usageDaily: 0.8, usageWeekly: 3.2, usageMonthly: 3.2, expiresAt: iso(3) }),
    // Expired 4 days ago.
    make('Old experiment', { limit: 5, usage: 1.1, usageMonthly: 1.1, expiresAt: iso(-4) }),
    // Daily cap used up.
    make('Weekend project', { limit: 2, limitReset: 'daily', usage: 2, usageDaily: 2, usageWeekly: 2, usageMonthly: 2 }),
    // No cap at all, with some BYOK usage.
    make('Personal (no cap)', { usage: 41.87, usageDaily: 1.25, usageWeekly: 8.5, usageMonthly: 19.3, byokUsage: 3.1, byokUsageMonthly: 3.1 }),
    // Revoked on OpenRouter's side: /key answers 401.
    make('Shared with a friend', { limit: 20, usage: 4 }),
  ]
  double.revokeKey(seeds[5]!.secret)
  return seeds
}

export interface DemoAccount {
  /** A management key of the demo account, for Add key. */
  managementKey: string
  /** Keys that exist only on the account (made "on the website"), in a second workspace. */
  websiteKeys: string[]
}

/**
 * Account mode for the demo, the screenshots and specs: a management key, a balance, a second workspace with keys
 * this device does not hold, and 30 days of spend for every API key with a few gaps (days without data).
 * Deterministic: the same keys' activity follows the same pattern every run.
 */
export function seedDemoAccount(
  double: Pick<OpenRouterDouble, 'createManagementKey' | 'addWorkspace' | 'createKey' | 'setCredits' | 'setActivity' | 'activityDates' | 'keys'>,
): DemoAccount {
  const managementKey = double.createManagementKey({ name: 'Key manager' })
  double.setCredits({ totalCredits: 150, totalUsage: 61.37 })
  const workspaceId = double.addWorkspace({ name: 'Production', slug: 'production' })
  const websiteKeys = [
    double.createKey({ name: 'Website chatbot', workspaceId, limit: 40, limitReset: 'monthly', usage: 12.5, usageMonthly: 12.5, usageWeekly: 3.2, usageDaily: 0.4 }),
    double.createKey({ name: 'Batch jobs', workspaceId, usage: 3.75, usageMonthly: 3.75 }),
    double.createKey({ name: 'Old integration', workspaceId, disabled: true, usage: 0.9 }),
  ]
  const models = ['openai/gpt-4.1', 'anthropic/claude-sonnet-4']
  const dates = double.activityDates()
  const apiKeys = double.keys().filter((key) => !key.isManagementKey)
  double.setActivity(
    apiKeys.flatMap((key, keyIndex) =>
      dates.flatMap((date, dayIndex) =>
        (keyIndex + dayIndex) % 5 === 0
          ? [] // a gap: no data that day
          : [{ date, secret: key.secret, model: models[(keyIndex + dayIndex) % 2]!, usage: Math.round((keyIndex + 1) * ((dayIndex % 7) + 1) * 5) / 100, requests: (dayIndex % 4) + 1 }],
      ),
    ),
  )
  return { managementKey, websiteKeys }
}
