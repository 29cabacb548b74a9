import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { meterTone } from '../../../renderer/src/components/KeyFiguresView'
import { Meter, clampMeterValue } from '../../../renderer/src/components/Meter'
import { makeFigures } from '../fake-orkm'

afterEach(cleanup)

describe('Meter', () => {
  it('exposes the remaining credit as a meter with its bounds and a readable value', () => {
    render(<Meter label="Remaining credit" value={7.5} max={10} valueText="$7.50 of $10.00 left" tone="ok" />)
    const meter = screen.getByRole('meter', { name: 'Remaining credit' })
    expect(meter.getAttribute('aria-valuenow')).toBe('7.5')
    expect(meter.getAttribute('aria-valuemin')).toBe('0')
    expect(meter.getAttribute('aria-valuemax')).toBe('10')
    expect(meter.getAttribute('aria-valuetext')).toBe('$7.50 of $10.00 left')
    expect((meter.firstElementChild as HTMLElement).style.transform).toBe('scaleX(0.75)')
  })

  it('keeps the value within its bounds when OpenRouter reports an overdraft or a bad number', () => {
    expect(clampMeterValue(-0.4, 10)).toBe(0)
    expect(clampMeterValue(12, 10)).toBe(10)
    expect(clampMeterValue(Number.NaN, 10)).toBe(0)
    expect(clampMeterValue(5, 0)).toBe(0)
    render(<Meter label="Remaining credit" value={-0.4} max={10} valueText="-$0.40 of $10.00 left" tone="danger" />)
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('0')
  })
})

describe('meterTone', () => {
  it('colours the meter by what is left, and greys it for a key that cannot spend', () => {
    expect(meterTone(makeFigures({ limit: 10, limitRemaining: 7.5 }), 10)).toBe('ok')
    expect(meterTone(makeFigures({ limit: 10, limitRemaining: 0.5 }), 10)).toBe('warn')
    expect(meterTone(makeFigures({ limit: 10, limitRemaining: 0 }), 10)).toBe('danger')
    expect(meterTone(makeFigures({ limit: 10, limitRemaining: 7.5 }), 10, 'expired')).toBe('muted')
    expect(meterTone(makeFigures({ limit: 10, limitRemaining: 7.5 }), 10, 'rejected')).toBe('muted')
  })
})
