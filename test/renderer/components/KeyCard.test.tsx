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
    confirmAccount: vi.fn(),
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
    rejected: 'Rejected or disabled on OpenRouter',
    unchecked: 'Not checked yet',
    offline: 'Offline',
    'missing-secret': 'Missing from keychain',
    'rate-limited': 'Rate limited',
  }
  for (const [kind, text] of Object.entries(expected) as Array<[KeyStatusKind, string]>) {
    it(`shows "${text}" for ${kind}, with the reason next to it once`, () => {
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
    // The account id, shortened, with the whole value in a tooltip.
    expect(byTestId('key-account')).toBe('user_2dHF…0000')
    expect(screen.getByTestId('key-account').getAttribute('title')).toBe('user_2dHFtVWx2n56w6HkM0000000000')
    expect(byTestId('key-storage')).toBe('OS keychain — Secret Service')
  })

  it('shows the cap, what is left, the reset period and a meter of what is left', () => {
    renderCard(makeKey({ label: 'K', figures: makeFigures({ limit: 10, limitRemaining: 7.5, limitReset: 'monthly' }) }))
    expect(byTestId('key-limit')).toBe('$10.00')
    expect(byTestId('key-remaining')).toBe('$7.50')
    expect(byTestId('key-reset')).toMatch(/^Monthly/)
    expect(byTestId('key-reset-time')).toBe('resets in 5 days (Dec 1 00:00 UTC)')
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
      ['daily', 'Daily resets in 12 h (00:00 UTC)'],
      ['weekly', 'Weekly resets in 4 days (Mon 00:00 UTC)'],
    ] as const) {
      renderCard(makeKey({ label: reset, figures: makeFigures({ limitReset: reset }) }))
      expect(within(screen.getByRole('article', { name: reset })).getByTestId('key-reset').textContent).toBe(text.replace(' resets', 'resets'))
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
    // The last good check and the last attempt are kept apart, and the failure is said once (not also as the reason).
    expect(byTestId('key-checked')).toMatch(/^Figures from \d{1,2}:\d{2}\s?[AP]M; the last check failed: OpenRouter could not be reached\. Check your connection\.$/)
    expect(screen.queryByTestId('key-status-reason')).toBeNull()
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
    // Every button names the key it acts on.
    await user.click(screen.getByRole('button', { name: 'Refresh K' }))
    await user.click(screen.getByRole('button', { name: 'Copy K' }))
    await user.click(screen.getByRole('button', { name: 'Copy as export: K' }))
    await user.click(screen.getByRole('button', { name: 'Set as default: K' }))
    await user.click(screen.getByRole('button', { name: 'Remove K' }))
    expect(cardActions.refresh).toHaveBeenCalledWith(key.id)
    expect(cardActions.copy).toHaveBeenNthCalledWith(1, key.id, 'plain')
    expect(cardActions.copy).toHaveBeenNthCalledWith(2, key.id, 'export-sh')
    expect(cardActions.setDefault).toHaveBeenCalledWith(key.id)
    expect(cardActions.remove).toHaveBeenCalledWith(key)
  })

  it('offers no "Set as default" on the default key', () => {
    renderCard(makeKey({ label: 'K', isDefault: true }))
    expect(screen.queryByRole('button', { name: 'Set as default: K' })).toBeNull()
  })

  it('shows a spinner and disables Refresh while the key is being refreshed', () => {
    renderCard(makeKey({ label: 'K', refreshing: true }))
    expect((screen.getByRole('button', { name: 'Refresh K' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByRole('button', { name: 'Refresh K' }).querySelector('.spinner')).not.toBeNull()
    expect(byTestId('key-checked')).toBe('Checking with OpenRouter…')
  })

  it('also disables Refresh while the person’s own refresh is pending', () => {
    renderCard(makeKey({ label: 'K' }), actions(), { refreshPending: true })
    expect((screen.getByRole('button', { name: 'Refresh K' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('cannot copy a key whose secret is missing from the keychain', () => {
    renderCard(makeKey({ label: 'K', status: { kind: 'missing-secret', reason: 'Gone.' } }))
    const copy = screen.getByRole('button', { name: 'Copy K' }) as HTMLButtonElement
    expect(copy.disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Copy as export: K' }) as HTMLButtonElement).disabled).toBe(true)
    // …with the reason attached to the disabled button.
    expect(document.getElementById(copy.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Gone.')
  })

  it('offers Move up / Move down in the manual order only, disabled at the ends', async () => {
    const user = userEvent.setup()
    const key = makeKey({ label: 'K' })
    const cardActions = renderCard(key, actions(), { isFirst: true })
    expect((screen.getByRole('button', { name: 'Move K up' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Move K down' }))
    expect(cardActions.move).toHaveBeenCalledWith(key.id, 1)
    cleanup()
    renderCard(key, actions(), { manualOrder: false })
    expect(screen.queryByRole('button', { name: 'Move K up' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Move K down' })).toBeNull()
  })
})

describe('KeyCard: rename', () => {
  it('saves the new label with Enter and returns focus to Rename', async () => {
    const user = userEvent.setup()
    const key = makeKey({ label: 'Old name' })
    const cardActions = renderCard(key)
    await user.click(screen.getByRole('button', { name: 'Rename Old name' }))
    const input = screen.getByRole('textbox', { name: 'Key label' }) as HTMLInputElement
    expect(document.activeElement).toBe(input)
    expect(input.maxLength).toBe(100)
    await user.clear(input)
    await user.type(input, 'New name{Enter}')
    expect(cardActions.rename).toHaveBeenCalledWith(key.id, 'New name')
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Old name' })))
  })

  it('cancels with Escape without saving', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }))
    await user.click(screen.getByRole('button', { name: 'Rename Old name' }))
    await user.type(screen.getByRole('textbox', { name: 'Key label' }), ' changed{Escape}')
    expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull()
    expect(cardActions.rename).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: 'Old name' })).toBeTruthy()
  })

  it('cancels with the Cancel button', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }))
    await user.click(screen.getByRole('button', { name: 'Rename Old name' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('textbox', { name: 'Key label' })).toBeNull()
    expect(cardActions.rename).not.toHaveBeenCalled()
  })

  it('refuses an empty label and shows main’s refusal, keeping the field open', async () => {
    const user = userEvent.setup()
    const cardActions = renderCard(makeKey({ label: 'Old name' }), actions({ rename: vi.fn(async () => 'A label needs 1 to 100 characters.') }))
    await user.click(screen.getByRole('button', { name: 'Rename Old name' }))
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

describe('KeyCard: one truth per card', () => {
  it('does not repeat the status as its reason ("Active" / "Active.")', () => {
    renderCard(makeKey({ label: 'K', status: { kind: 'active', reason: 'Active.' } }))
    expect(byTestId('key-status')).toBe('Active')
    expect(screen.queryByTestId('key-status-reason')).toBeNull()
  })

  it('shows OpenRouter’s own label, so the key can be found on the keys page', () => {
    renderCard(makeKey({ label: 'Work laptop', figures: makeFigures({ remoteLabel: 'sk-or-v1-0e6...f00' }) }))
    expect(byTestId('key-remote-label')).toBe('On OpenRouter: sk-or-v1-0e6...f00')
  })

  it('gives a long name its full text (no truncation), and the heading is the whole name', () => {
    const name = 'Production inference fleet for the customer support assistant'
    renderCard(makeKey({ label: name }))
    const heading = screen.getByRole('heading', { name })
    expect(heading.textContent).toBe(name)
    expect(heading.getAttribute('title')).toBeNull()
  })

  for (const kind of ['expired', 'rejected', 'missing-secret'] as const) {
    it(`a ${kind} key is inactive: remaining credit is not the headline and it cannot become the default`, () => {
      renderCard(makeKey({ label: 'Dead', status: { kind, reason: 'Why.' } }))
      const article = screen.getByRole('article', { name: 'Dead' })
      expect(article.className).toContain('card-inactive')
      expect(screen.getByTestId('key-remaining').className).not.toContain('figure-big')
      expect(screen.getByText('Was left')).toBeTruthy()
      expect(screen.queryByRole('button', { name: 'Set as default: Dead' })).toBeNull()
      // Removing still works.
      expect(screen.getByRole('button', { name: 'Remove Dead' })).toBeTruthy()
    })
  }

  it('a usable key keeps its remaining credit as the headline', () => {
    renderCard(makeKey({ label: 'Alive' }))
    expect(screen.getByTestId('key-remaining').className).toContain('figure-big')
    expect(screen.getByRole('button', { name: 'Set as default: Alive' })).toBeTruthy()
  })

  it('shows huge amounts in full, each in its own box', () => {
    renderCard(makeKey({ label: 'Big', figures: makeFigures({ limit: 250_000, limitRemaining: 126_543.21 }) }))
    expect(byTestId('key-remaining')).toBe('$126,543.21')
    expect(byTestId('key-limit')).toBe('$250,000.00')
  })

  it('shows sub-cent usage as "< $0.01" with the exact amount in a tooltip', () => {
    renderCard(makeKey({ label: 'Cheap', figures: makeFigures({ usageDaily: 0.0042 }) }))
    const daily = screen.getByTestId('key-usage-daily')
    expect(daily.textContent).toBe('< $0.01 (exactly $0.0042)')
    expect(daily.querySelector('abbr')?.getAttribute('title')).toBe('$0.0042')
  })
})

describe('KeyCard: keys that need a word from the person', () => {
  it('a key of another account says so, names the account, and "It is mine" confirms it', async () => {
    const user = userEvent.setup()
    const cardActions = actions()
    const key = makeKey({ label: 'Pasted from a link', accountPending: true, userId: 'user_attacker_0000000000000000' })
    renderCard(key, cardActions)
    const notice = screen.getByTestId('key-account-pending')
    expect(notice.textContent).toMatch(/another OpenRouter account \(user_atta…0000\)/)
    await user.click(within(notice).getByRole('button', { name: 'This key is mine: Pasted from a link' }))
    expect(cardActions.confirmAccount).toHaveBeenCalledWith(key.id)
  })

  it('a confirmed key shows no such notice; a malformed stored key is flagged', () => {
    renderCard(makeKey({ label: 'Fine' }))
    expect(screen.queryByTestId('key-account-pending')).toBeNull()
    expect(screen.queryByTestId('key-malformed')).toBeNull()
    cleanup()
    renderCard(makeKey({ label: 'Odd', malformed: true }))
    expect(screen.getByTestId('key-malformed').textContent).toMatch(/not shaped like an OpenRouter key/)
  })

  it('Copy as export writes for the shell chosen beside it', async () => {
    const user = userEvent.setup()
    const cardActions = actions()
    const key = makeKey({ label: 'Work' })
    renderCard(key, cardActions)
    await user.click(screen.getByRole('button', { name: 'Copy as export: Work' }))
    await user.selectOptions(screen.getByLabelText('Shell for Copy as export: Work'), 'export-powershell')
    await user.click(screen.getByRole('button', { name: 'Copy as export: Work' }))
    await user.selectOptions(screen.getByLabelText('Shell for Copy as export: Work'), 'export-cmd')
    await user.click(screen.getByRole('button', { name: 'Copy as export: Work' }))
    expect(vi.mocked(cardActions.copy).mock.calls).toEqual([
      [key.id, 'export-sh'],
      [key.id, 'export-powershell'],
      [key.id, 'export-cmd'],
    ])
  })
})
