// A key's daily spend over the last 30 completed UTC days, as small bars. A day without data is a gap (no bar
// and a break in the baseline), never a $0 bar; $0 days show a flat tick. The picture is decorative for
// screen readers, which get the same facts as one sentence, plus the forecast as text for everyone.
import type { SpendSeries } from '../../../preload/account-contract'
import { dailyBars, describeSpend, forecastIsWarning, forecastText } from './spend-model'

const WIDTH = 150
const HEIGHT = 32
const ZERO_TICK = 1.5

export const SOURCE_TEXT: Record<SpendSeries['source'], string> = {
  activity: 'from OpenRouter’s activity',
  'local-history': 'from this app’s own refresh history',
}

export function SpendSparkline({ series, label }: { series: SpendSeries; /** Whose spend, e.g. the key's name. */ label: string }) {
  const { bars } = dailyBars(series.days)
  const slot = WIDTH / Math.max(1, bars.length)
  const barWidth = Math.max(1, slot - 1.5)
  const forecast = forecastText(series.forecast)
  return (
    <figure className="sparkline" data-testid="spend-sparkline" data-source={series.source}>
      <svg
        className="sparkline-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${label}: ${describeSpend(series.days)}`}
        preserveAspectRatio="none"
      >
        {bars.map((bar) =>
          bar.usage === null ? null : (
            <g key={bar.date} data-day={bar.date} data-usage={bar.usage}>
              <line className="sparkline-base" x1={bar.index * slot} x2={bar.index * slot + slot} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
              <rect
                className={bar.usage > 0 ? 'sparkline-bar' : 'sparkline-zero'}
                x={bar.index * slot}
                width={barWidth}
                y={HEIGHT - Math.max(ZERO_TICK, bar.fraction * (HEIGHT - 2))}
                height={Math.max(ZERO_TICK, bar.fraction * (HEIGHT - 2))}
              />
            </g>
          ),
        )}
      </svg>
      <figcaption className="sparkline-caption">
        <span className="sparkline-source">Last 30 days, {SOURCE_TEXT[series.source]}</span>
        {forecast ? (
          <span className={forecastIsWarning(series.forecast) ? 'forecast forecast-warn' : 'forecast'} data-testid="spend-forecast">
            {forecast}
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}
