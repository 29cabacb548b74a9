// The options of a reset-period select (New limited key, Create and Edit key): None, then each period OpenRouter offers.
import { LIMIT_RESETS } from '../../../preload/contract'
import { resetText } from '../status/status-text'

export function ResetOptions() {
  return (
    <>
      <option value="">None</option>
      {LIMIT_RESETS.map((reset) => (
        <option key={reset} value={reset}>
          {resetText(reset)}
        </option>
      ))}
    </>
  )
}
