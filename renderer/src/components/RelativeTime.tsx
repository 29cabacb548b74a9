// Texts that depend on the clock; each subscribes to the shared ticker so only they re-render as time passes.
import { formatChecked, formatCountdown, formatExpiry } from '../format/dates'
import { useNow } from '../hooks/useNow'

export function ExpiryText({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow()
  return <>{formatExpiry(expiresAt, now)}</>
}

export function CheckedText({ checkedAt }: { checkedAt: string | null }) {
  const now = useNow()
  return <>{formatChecked(checkedAt, now)}</>
}

export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow(1000)
  return <>{formatCountdown(Date.parse(deadline) - now)}</>
}
