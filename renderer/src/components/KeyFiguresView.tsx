// A key's figures from OpenRouter: its cap, what is left, the reset period, usage, BYOK and free-tier details.
import type { KeyFigures, KeyStatusKind } from '../../../preload/contract'
import { formatLimit, formatRemaining, formatUsd } from '../format/money'
import { resetText, type Tone } from '../status/status-text'
import { Meter } from './Meter'
import { UsageBars } from './UsageBars'

/** Keys that cannot spend (expired, rejected, gone from the keychain) get a grey meter, whatever is left. */
const CANNOT_SPEND: ReadonlySet<KeyStatusKind> = new Set(['expired', 'rejected', 'missing-secret'])

export function meterTone(figures: KeyFigures, lowCreditPercent: number, status: KeyStatusKind = 'active'): Tone {
  if (CANNOT_SPEND.has(status)) return 'muted'
  if (figures.limit === null || figures.limitRemaining === null || figures.limit <= 0) return 'muted'
  if (figures.limitRemaining <= 0) return 'danger'
  if (figures.limitRemaining < (figures.limit * lowCreditPercent) / 100) return 'warn'
  return 'ok'
}

/** One labelled figure of the key's money row. */
function Figure({ label, value, testId, main = false }: { label: string; value: string; testId: string; main?: boolean }) {
  return (
    <div className={main ? 'figure figure-main' : 'figure'}>
      <span className="figure-label">{label}</span>
      <span className={main ? 'figure-value figure-big' : 'figure-value'} data-testid={testId}>
        {value}
      </span>
    </div>
  )
}

export interface KeyFiguresViewProps {
  figures: KeyFigures
  lowCreditPercent: number
  status: KeyStatusKind
}

export function KeyFiguresView({ figures, lowCreditPercent, status }: KeyFiguresViewProps) {
  const capped = figures.limit !== null && figures.limitRemaining !== null
  const remaining = formatRemaining(figures)
  const limit = formatLimit(figures.limit)
  return (
    <div className="figures">
      <div className="figure-row">
        <Figure label="Remaining" value={remaining} testId="key-remaining" main />
        <Figure label="Limit" value={limit} testId="key-limit" />
        <Figure label="Resets" value={resetText(figures.limitReset)} testId="key-reset" />
      </div>
      {capped ? (
        <Meter
          label="Remaining credit"
          value={figures.limitRemaining!}
          max={figures.limit!}
          valueText={`${remaining} of ${limit} left`}
          tone={meterTone(figures, lowCreditPercent, status)}
        />
      ) : (
        <p className="figure-note">No cap on this key: it can spend whatever credit your account has.</p>
      )}
      <UsageBars figures={figures} />
      {figures.byokUsage > 0 ? (
        <p className="figure-note" data-testid="key-byok">
          BYOK usage: {formatUsd(figures.byokUsage)} all time, {formatUsd(figures.byokUsageMonthly)} this month
          {figures.includeByokInLimit ? ' (counts toward the limit)' : ' (not counted toward the limit)'}.
        </p>
      ) : null}
      {figures.isFreeTier ? (
        <p className="figure-note" data-testid="key-free-tier">
          <span className="badge badge-muted">Free tier</span>
          {figures.freeModelDailyRequests
            ? ` ${figures.freeModelDailyRequests.used} of ${figures.freeModelDailyRequests.limit} free-model requests used today.`
            : ' This account has not bought credits.'}
        </p>
      ) : null}
    </div>
  )
}
