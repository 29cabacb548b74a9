// The account's spend per day over the last 30 completed UTC days, stacked by key or by model. Colours come
// from CSS variables (readable in light and dark); the numbers are also in a table that screen readers read
// (visually hidden), and the legend carries each series' total as text.
import { useId } from 'react'
import type { AccountSpend } from '../../../preload/account-contract'
import { formatUsd } from '../format/money'
import { formatDay, stackSpend } from './spend-model'

const WIDTH = 720
const HEIGHT = 200
const LEFT = 52
const BOTTOM = 22
const TOP = 8

export interface AccountSpendChartProps {
  spend: AccountSpend
  onGroupBy(groupBy: AccountSpend['groupBy']): void
  busy?: boolean
}

export function AccountSpendChart({ spend, onGroupBy, busy = false }: AccountSpendChartProps) {
  const { series, days, max } = stackSpend(spend)
  const titleId = useId()
  const plotHeight = HEIGHT - BOTTOM - TOP
  const slot = (WIDTH - LEFT) / Math.max(1, days.length)
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight
  const ticks = [0, max / 2, max]
  const labelled = days.length > 0 ? [0, Math.floor((days.length - 1) / 2), days.length - 1] : []
  const empty = days.every((day) => day.total === null)

  return (
    <section className="account-chart" aria-labelledby={titleId} aria-busy={busy || undefined} data-testid="account-chart">
      <div className="account-chart-head">
        <h3 id={titleId}>Spend per day, last 30 days</h3>
        <div className="segmented" role="group" aria-label="Split by">
          {(['key', 'model'] as const).map((groupBy) => (
            <button
              key={groupBy}
              type="button"
              className="btn btn-small segmented-button"
              aria-pressed={spend.groupBy === groupBy}
              onClick={() => spend.groupBy !== groupBy && onGroupBy(groupBy)}
            >
              By {groupBy}
            </button>
          ))}
        </div>
      </div>
      {empty ? (
        <p className="help">No spend recorded in the last 30 days.</p>
      ) : (
        <>
          <svg className="account-chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation" aria-hidden="true" focusable="false">
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="chart-grid" x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
                <text className="chart-axis" x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                  {formatUsd(tick)}
                </text>
              </g>
            ))}
            {days.map((day, index) => {
              const x = LEFT + index * slot + 1
              const width = Math.max(1, slot - 2)
              if (day.total === null) return null
              return (
                <g key={day.date} data-day={day.date}>
                  {day.total === 0 ? <rect className="chart-zero" x={x} width={width} y={y(0) - 1.5} height={1.5} /> : null}
                  {day.segments.map((segment) => (
                    <rect
                      key={segment.series}
                      className={`chart-series chart-colour-${series[segment.series]!.colour}`}
                      x={x}
                      width={width}
                      y={y(segment.to)}
                      height={Math.max(0.5, y(segment.from) - y(segment.to))}
                    />
                  ))}
                </g>
              )
            })}
            {labelled.map((index) => (
              <text key={index} className="chart-axis" x={LEFT + index * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle">
                {formatDay(days[index]!.date)}
              </text>
            ))}
          </svg>
          <ul className="chart-legend">
            {series.map((entry) => (
              <li key={entry.name}>
                <span className={`chart-swatch chart-colour-${entry.colour}`} aria-hidden="true" />
                <span className="chart-legend-name">{entry.name}</span>
                <span className="chart-legend-total">{formatUsd(entry.total)}</span>
              </li>
            ))}
          </ul>
          <p className="help chart-note">Days without data are left blank; a thin line marks a day with $0 spent.</p>
          <table className="visually-hidden" data-testid="account-chart-table">
            <caption>Spend per day by {spend.groupBy}, in USD (a dash: no data that day)</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((entry) => (
                  <th scope="col" key={entry.name}>
                    {entry.name}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day, index) => (
                <tr key={day.date}>
                  <th scope="row">{formatDay(day.date)}</th>
                  {series.map((entry) => {
                    const usage = entry.usage[index] ?? null
                    return <td key={entry.name}>{usage === null ? '—' : formatUsd(usage)}</td>
                  })}
                  <td>{day.total === null ? '—' : formatUsd(day.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
