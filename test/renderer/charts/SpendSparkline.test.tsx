import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SpendSparkline } from '../../../renderer/src/charts/SpendSparkline'
import { spendDays } from '../fake-account'

afterEach(cleanup)

describe('SpendSparkline', () => {
  it('draws a bar per day with data, a flat tick for $0, and nothing for a day without data', () => {
    const days = spendDays(undefined, (index) => (index === 0 ? null : index === 1 ? 0 : index))
    const { container } = render(<SpendSparkline series={{ ref: { hash: 'h' }, days, source: 'activity', forecast: { kind: 'no-limit' } }} label="Daily spend of CI" />)
    expect(container.querySelector(`[data-day="${days[0]!.date}"]`)).toBeNull()
    expect(container.querySelector(`[data-day="${days[1]!.date}"] .sparkline-zero`)).not.toBeNull()
    expect(container.querySelectorAll('.sparkline-bar')).toHaveLength(28)
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Daily spend of CI: Daily spend, .*1 day without data\.$/)
    expect(screen.getByText(/from OpenRouter’s activity/)).toBeTruthy()
  })

  it('names the local history as the source and shows the forecast', () => {
    render(
      <SpendSparkline
        series={{ ref: { keyId: 'k' }, days: spendDays(), source: 'local-history', forecast: { kind: 'reaches-limit', date: '2026-12-12' } }}
        label="Daily spend of Laptop"
      />,
    )
    expect(screen.getByText(/from this app’s own refresh history/)).toBeTruthy()
    expect(screen.getByTestId('spend-forecast').textContent).toMatch(/^At this pace the limit is reached on (Dec 12|12 Dec)\.$/)
  })
})
