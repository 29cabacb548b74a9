// How much of a key's cap is left, as a bar with the ARIA meter semantics (value, bounds, readable text).
import type { Tone } from '../status/status-text'

export interface MeterProps {
  label: string
  value: number
  max: number
  valueText: string
  tone: Tone
}

export function clampMeterValue(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0
  return Math.min(max, Math.max(0, value))
}

export function Meter({ label, value, max, valueText, tone }: MeterProps) {
  const now = clampMeterValue(value, max)
  const fraction = max > 0 ? now / max : 0
  return (
    <div
      className={`meter meter-${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={now}
      aria-valuetext={valueText}
    >
      <span className="meter-fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  )
}
