// Spending over four periods as labelled amounts, each with a small bar (decorative: the amount is the text).
import type { KeyFigures } from '../../../preload/contract'
import { Money } from './Money'

const PERIODS = [
  { field: 'usageDaily', label: 'Today', testId: 'key-usage-daily' },
  { field: 'usageWeekly', label: 'This week', testId: 'key-usage-weekly' },
  { field: 'usageMonthly', label: 'This month', testId: 'key-usage-monthly' },
  { field: 'usage', label: 'All time', testId: 'key-usage-total' },
] as const

export function UsageBars({ figures }: { figures: KeyFigures }) {
  const largest = Math.max(...PERIODS.map((period) => figures[period.field]), 0)
  return (
    <dl className="usage">
      {PERIODS.map((period) => {
        const amount = figures[period.field]
        const fraction = largest > 0 ? Math.max(0, amount) / largest : 0
        return (
          <div className="usage-row" key={period.field}>
            <dt>{period.label}</dt>
            <dd className="usage-bar" aria-hidden="true">
              <span className={amount > 0 ? 'usage-fill' : 'usage-fill usage-empty'} style={{ transform: `scaleX(${amount > 0 ? Math.max(fraction, 0.02) : 0})` }} />
            </dd>
            <dd className="usage-amount" data-testid={period.testId}>
              <Money amount={amount} />
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
