// An amount in USD by the one precision rule (cents); a sub-cent amount carries its exact value as a tooltip.
import { formatUsd, formatUsdExact, isSubCent } from '../format/money'

export function Money({ amount }: { amount: number }) {
  if (!isSubCent(amount)) return <>{formatUsd(amount)}</>
  const exact = formatUsdExact(amount)
  return (
    <abbr className="money-subcent" title={exact}>
      {formatUsd(amount)}
      <span className="visually-hidden"> (exactly {exact})</span>
    </abbr>
  )
}
