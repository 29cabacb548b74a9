// Texts that depend on the clock; each subscribes to the shared ticker so only they re-render as time passes.
import type { AppError, LimitReset } from '../../../preload/contract'
import { formatChecked, formatCountdown, formatExpiry, formatFiguresFrom } from '../format/dates'
import { formatResetTime } from '../format/resets'
import { useNow } from '../hooks/useNow'

export function ExpiryText({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow()
  return <>{formatExpiry(expiresAt, now)}</>
}

export function CheckedText({ checkedAt }: { checkedAt: string | null }) {
  const now = useNow()
  return <>{formatChecked(checkedAt, now)}</>
}

/**
 * The last good check and the last attempt, kept apart: "Checked 2 minutes ago", or after a failure
 * "Figures from 10:42; the last check failed: OpenRouter could not be reached."
 */
export function CheckLine({ checkedAt, failure }: { checkedAt: string | null; failure: AppError | null }) {
  const now = useNow()
  if (!failure) return <>{formatChecked(checkedAt, now)}</>
  const from = checkedAt ? formatFiguresFrom(checkedAt, now) : 'No figures yet'
  return (
    <>
      {from}; the last check failed: {failure.message.replace(/\.$/, '')}.{failure.hint ? ` ${failure.hint}` : ''}
    </>
  )
}

export function ResetText({ reset }: { reset: LimitReset }) {
  const now = useNow()
  return <>{formatResetTime(reset, now)}</>
}

export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow(1000)
  return <>{formatCountdown(Date.parse(deadline) - now)}</>
}
