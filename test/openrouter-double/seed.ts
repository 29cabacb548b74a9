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
