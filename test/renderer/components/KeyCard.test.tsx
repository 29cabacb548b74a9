import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyStatusKind, KeyView } from '../../../preload/contract'
import { KeyCard, type KeyCardActions } from '../../../renderer/src/components/KeyCard'
import { NOW, makeFigures, makeKey } from '../fake-orkm'

const DAY = 24 * 60 * 60 * 1000

function actions(overrides: Partial<KeyCardActions> = {}): KeyCardActions {
  return {
    refresh: vi.fn(),
    copy: vi.fn(),
    rename: vi.fn(async () => null),
    setDefault: vi.fn(),
    move: vi.fn(),
    remove: vi.fn(),
    ...overrides,
  }
}

function renderCard(key: KeyView, cardActions = actions(), props: Partial<{ manualOrder: boolean; isFirst: boolean; isLast: boolean; refreshPending: boolean }> = {}) {
  render(
    <KeyCard
      keyView={key}
      lowCreditPercent={10}
      manualOrder={props.manualOrder ?? true}
      isFirst={props.isFirst ?? false}
      isLast={props.isLast ?? false}
      refreshPending={props.refreshPending ?? false}
      actions={cardActions}
    />,
  )
  return cardActions
}

const byTestId = (id: string) => screen.getByTestId(id).textContent

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('KeyCard: status', () => {
  const expected: Record<KeyStatusKind, string> = {
    active: 'Active',
    'expiring-soon': 'Expires soon',
    expired: 'Expired',
    'limit-reached': 'Limit reached',
    'low-credit': 'Low credit',
    rejected: 'Rejected by OpenRouter',
    unchecked: 'Not checked yet',
    offline: 'Offline',
    'missing-secret': 'Missing from keychain',
    'rate-limited': 'Rate limited',
  }
  for (const [kind, text] of Object.entries(expected) as Array<[KeyStatusKind, string]>) {
    it(`shows "${text}" for ${kind}, with the reason next to it`, () => {
      renderCard(makeKey({ label: 'K', status: { kind, reason: `Because ${kind}.` } }))
      expect(byTestId('key-status')).toBe(text)
      expect(byTestId('key-status-reason')).toBe(`Because ${kind}.`)
    })
  }
})

describe('KeyCard: figures', () => {
  it('shows the key label, default badge, masked key, account and storage', () => {
    renderCard(makeKey({ label: 'Personal laptop', isDefault: true, maskedKey: 'sk-or-v1-…c96a' }))
    expect(screen.getByRole('heading', { name: 'Personal laptop' })).toBeTruthy()
    expect(screen.getByText('Default')).toBeTruthy()
    expect(byTestId('key-masked')).toBe('sk-or-v1-…c96a')
    expect(byTestId('key-account')).toBe('user_2dHFtVWx2n56w6HkM0000000000')
    expect(byTestId('key-storage')).toBe('OS keychain — Secret Service')
  })

  it('shows the cap, what is left, the reset period and a meter of what is left', () => {
    renderCard(makeKey({ label: 'K', figures: makeFigures({ limit: 10, limitRemaining: 7.5, limitReset: 'monthly' }) }))
    expect(byTestId('key-limit')).toBe('$10.00')
    expect(byTestId('key-remaining')).toBe('$7.50')
    expect(byTestId('key-reset')).toBe('Monthly')
    const meter = screen.getByRole('meter', { name: 'Remaining credit' })
    expect(meter.getAttribute('aria-valuenow')).toBe('7.5')
    expect(meter.getAttribute('aria-valuemax')).toBe('10')
  })

  it('says "No cap" and shows no meter for a key without a limit', () => {
    renderCard(makeKey({ label: 'K', figures: makeFigures({ limit: null, limitRemaining: null, limitReset: null }) }))
    expect(byTestId('key-limit')).toBe('No cap')
    expect(byTestId('key-remaining')).toBe('—')
    expect(byTestId('key-reset')).toBe('Never')
    expect(screen.queryByRole('meter')).toBeNull()
  })

  it('names each reset period', () => {
    for (const [reset, text] of [
      ['daily', 'Daily'],
      ['weekly', 'Weekly'],
    ] as const) {
      renderCard(makeKey({ label: reset, figures: makeFigures({ limitReset: reset }) }))
      expect(within(screen.getByRole('article', { name: reset })).getByTestId('key-reset').textContent).toBe(text)
    }
  })

  it('shows usage today, this week, this month and all time', () => {
    renderCard(makeKey({ label: 'K', figures: makeFigures({ usageDaily: 0.4, usageWeekly: 1.2, usageMonthly: 2.5, usage: 41.8 }) }))
    expect(byTestId('key-usage-daily')).toBe('$0.40')
    expect(byTestId('key-usage-weekly')).toBe('$1.20')
    expect(byTestId('key-usage-monthly')).toBe('$2.50')
    expect(byTestId('key-usage-total')).toBe('$41.80')
  })

  it('shows BYOK usage only when there is some, and the free tier only for free-tier keys', () => {
    renderCard(makeKey({ label: 'Plain' }))
    expect(screen.queryByTestId('key-byok')).toBeNull()
    expect(screen.queryByTestId('key-free-tier')).toBeNull()
    cleanup()
    renderCard(
      makeKey({
        label: 'Busy',
        figures: makeFigures({ byokUsage: 12.5, byokUsageMonthly: 3.2, isFreeTier: true, freeModelDailyRequests: { limit: 50, remaining: 38, used: 12 } }),
      }),
    )
    expect(byTestId('key-byok')).toContain('$12.50 all time, $3.20 this month')
    expect(byTestId('key-free-tier')).toContain('12 of 50 free-model requests used today')
  })

  it('shows the expiry as a date and how far away it is, or Never', () => {
    renderCard(makeKey({ label: 'Expiring', figures: makeFigures({ expiresAt: new Date(NOW + 16 * DAY).toISOString() }) }))
    expect(byTestId('key-expiry')).toBe('Dec 12, 2026 · in 16 days')
    cleanup()
    renderCard(makeKey({ label: 'Forever', figures: makeFigures({ expiresAt: null }) }))
    expect(byTestId('key-expiry')).toBe('Never')
  })

  it('says when the figures were checked, and what went wrong with the last check', () => {
    renderCard(
      makeKey({
        label: 'K',
        status: { kind: 'offline', reason: 'Could not reach OpenRouter; showing the last known figures.' },
        checkedAt: new Date(NOW - 2 * 60 * 1000).toISOString(),
        lastError: { code: 'offline', message: 'OpenRouter could not be reached.', hint: 'Check your connection.' },
      }),
    )
    expect(byTestId('key-checked')).toBe('Checked 2 minutes ago')
    expect(byTestId('key-last-error')).toBe('Last check failed: OpenRouter could not be reached. Check your connection.')
    // Offline keeps the last known figures.
    expect(byTestId('key-remaining')).toBe('$7.50')
  })

  it('explains that an unchecked key has no figures yet', () => {
    renderCard(makeKey({ label: 'New', figures: null, checkedAt: null, status: { kind: 'unchecked', reason: 'Not checked with OpenRouter yet.' } }))
    expect(screen.getByText(/No figures yet/)).toBeTruthy()
    expect(byTestId('key-checked')).toBe('Not checked yet')
    expect(screen.queryByTestId('key-limit')).toBeNull()
  })
})

describe('KeyCard: actions', () => {
  it('refreshes, copies (plain and export), sets as default and removes this key', async () => {
    const user = userEvent.setup()
    const key = makeKey({ label: 'K' })
    const cardActions = renderCard(key)
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await user.click(screen.getByRole('button', { name: 'Copy key' }))
    await user.click(screen.getByRole('button', { name: 'Copy as export' }))
    await user.click(screen.getByRole('button', { name: 'Set as default' }))
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    expect(cardActions.refresh).toHaveBeenCalledWith(key.id)
    expect(cardActions.copy).toHaveBeenNthCalledWith(1, key.id, 'plain')
    expect(cardActions.copy).toHaveBeenNthCalledWith(2, key.id, 'export-sh')
    expect(cardActions.setDefault).toHaveBeenCalledWith(key.id)
    expect(cardActions.remove).toHaveBeenCalledWith(key)
  })

  it('offers no "Set as default" on the default key', () => {
    renderCard(makeKey({ label: 'K', isDefault: true }))
    expect(screen.queryByRole('button', { name: 'Set as default' })).toBeNull()
  })

  it('shows a spinner and disables Refresh while the key is being refreshed', () => {
    renderCard(makeKey({ label: 'K', refreshing: true }))
    expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByRole('button', { name: 'Refresh' }).querySelector('.spinner')).not.toBeNull()
    expect(byTestId('key-checked')).toBe('Checking with OpenRouter…')
  })

  it('also disables Refresh while the person’s own refresh is pending', () => {
    renderCard(makeKey({ label: 'K' }), actions(), { refreshPending: true })
    expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('cannot copy a key whose secret is missing from the keychain', () => {
    renderCard(makeKey({ label: 'K', status: { kind: 'missing-secret', reason: 'Gone.' } }))
    expect((screen.getByRole('button', { name: 'Copy key' }) as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Copy as export' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('offers Move up / Move down in the manual order only, disabled at the ends', async () => {
    const user = userEvent.setup()
    const key = makeKey({ label: 'K' })
    const cardActions = renderCard(key, actions(), { isFirst: true })
    expect((screen.getByRole('button', { name: 'Move up' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Move down' }))
    expect(cardActions.move).toHaveBeenCalledWith(key.id, 1)
    cleanup()
    renderCard(key, actions(), { manualOrder: false })
    expect(screen.queryByRole('button', { name: 'Move up' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Move down' })).toBeNull()
  })
})

describe('KeyCard: rename', () => {
  it('saves the new label with Enter and returns focus to Rename', async () => {
    const user = userEvent.setup()
    const key = makeKey({ label: 'Old name' })
    const cardActions = renderCard(key)
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'Key label' }) as HTMLInputElement
    expect(document.activeElement).toBe(input)
    expect(input.maxLength).toBe(100)
    await user.clear(input)
    await user.type(input, 'New name{Enter}')
    expect(cardActions.rename).toHaveBeenCalledWith(key.id, 'New name')
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename' })))
  })

  it('cancels with Escape without saving', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }))
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.type(screen.getByRole('textbox', { name: 'Key label' }), ' changed{Escape}')
    expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull()
    expect(cardActions.rename).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: 'Old name' })).toBeTruthy()
  })

  it('cancels with the Cancel button', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }))
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull()
    expect(cardActions.rename).not.toHaveBeenCalled()
  })

  it('refuses an empty label and shows main’s refusal, keeping the field open', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }), actions({ rename: vi.fn(async () => 'A label needs 1 to 100 characters.') }))
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'Key label' })
    await user.clear(input)
    await user.type(input, '{Enter}')
    expect(screen.getByRole('alert').textContent).toBe('A label needs at least one character.')
    expect(cardActions.rename).not.toHaveBeenCalled()
    await user.type(input, 'x{Enter}')
    expect(await screen.findByText('A label needs 1 to 100 characters.')).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Key label' })).toBeTruthy()
  })
})
