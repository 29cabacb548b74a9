// A key's figures from OpenRouter: its cap, what is left, the reset period, usage, BYOK and free-tier details.
// For a key that cannot be used any more, what is left is history: it is shown small, never as the headline.
import type { ReactNode } from 'react'
import type { KeyFigures, KeyStatusKind } from '../../../preload/contract'
import { formatLimit, formatRemaining, formatUsd } from '../format/money'
import { INACTIVE_STATUSES } from '../status/card-status'
import { resetText, type Tone } from '../status/status-text'
import { Meter } from './Meter'
import { Money } from './Money'
import { ResetText } from './RelativeTime'
import { UsageBars } from './UsageBars'

export function meterTone(figures: KeyFigures, lowCreditPercent: number, status: KeyStatusKind = 'active'): Tone {
  if (INACTIVE_STATUSES.has(status)) return 'muted'
  if (figures.limit === null || figures.limitRemaining === null || figures.limit <= 0) return 'muted'
  if (figures.limitRemaining <= 0) return 'danger'
  if (figures.limitRemaining < (figures.limit * lowCreditPercent) / 100) return 'warn'
  return 'ok'
}

/** One labelled figure of the key's money row. */
function Figure({ label, children, testId, main = false }: { label: string; children: ReactNode; testId: string; main?: boolean }) {
  return (
    <div className={main ? 'figure figure-main' : 'figure'}>
      <span className="figure-label">{label}</span>
      <span className={main ? 'figure-value figure-big' : 'figure-value'} data-testid={testId}>
        {children}
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
  const inactive = INACTIVE_STATUSES.has(status)
  const remaining = formatRemaining(figures)
  const limit = formatLimit(figures.limit)
  return (
    <div className="figures">
      <div className="figure-row">
        <Figure label={inactive ? 'Was left' : 'Remaining'} testId="key-remaining" main={!inactive}>
          {capped ? <Money amount={figures.limitRemaining!} /> : remaining}
        </Figure>
        <Figure label="Limit" testId="key-limit">
          {limit}
        </Figure>
        <Figure label="Resets" testId="key-reset">
          {resetText(figures.limitReset)}
          {figures.limitReset && !inactive ? (
            <span className="figure-sub" data-testid="key-reset-time">
              <ResetText reset={figures.limitReset} />
            </span>
          ) : null}
        </Figure>
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
