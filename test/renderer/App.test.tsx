import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../renderer/src/App'
import { CARD_SIZE, firstScreenful } from '../../renderer/src/hooks/firstScreenful'
import { createFakeOrkm, makeFigures, makeKey, manyKeys } from './fake-orkm'
import { renderApp } from './render-app'

afterEach(cleanup)

/** The connect form's submit: the browser opens only now. */
async function continueInBrowser(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Continue in browser' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
}

const keyList = () => screen.getByRole('list', { name: 'Stored keys' })
const card = (label: string) => within(keyList()).getByRole('listitem', { name: label })
const labels = () => within(keyList()).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))

describe('App: first load', () => {
  it('shows skeletons while the list is loading, then the keys', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'Laptop' })] })
    const release = fake.hold('keys:list')
    const { container } = render(<App api={fake.api} />)
    expect(container.querySelector('.skeleton-grid')).not.toBeNull()
    expect(screen.getByText('Loading your keys…')).toBeTruthy()
    expect(screen.queryByRole('list', { name: 'Stored keys' })).toBeNull()
    await act(async () => release())
    expect(await screen.findByRole('listitem', { name: 'Laptop' })).toBeTruthy()
    expect(container.querySelector('.skeleton-grid')).toBeNull()
  })

  it('says why the list could not be read, and reads it again on request', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'Laptop' })] })
    fake.respond('keys:list', () => ({ ok: false, error: { code: 'internal', message: 'The key list could not be read.', hint: 'Restart the app.' } }))
    const user = userEvent.setup()
    render(<App api={fake.api} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The key list could not be read.')
    fake.restore('keys:list')
    await user.click(screen.getByRole('button', { name: 'Reload keys' }))
    expect(await screen.findByRole('listitem', { name: 'Laptop' })).toBeTruthy()
  })

  it('refreshes every key once at start, automatically (main applies the backoff)', async () => {
    const { fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    await waitFor(() => expect(fake.callsTo('keys:refresh-all')).toEqual([['automatic']]))
  })

  it('refreshes again on a timer while the window is visible, not while it is hidden', async () => {
    const { fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] }, { autoRefreshMs: 40 })
    await waitFor(() => expect(fake.callsTo('keys:refresh-all').length).toBeGreaterThanOrEqual(3), { timeout: 2000 })
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    try {
      await new Promise((resolve) => setTimeout(resolve, 60))
      const whileHidden = fake.callsTo('keys:refresh-all').length
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(fake.callsTo('keys:refresh-all').length).toBe(whileHidden)
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    }
  })

  it('shows what a keys:changed event says', async () => {
    const { fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    // Let the start-up refresh answer first: an answer arriving after the event would rightly be newer.
    await waitFor(() => expect(fake.callsTo('keys:refresh-all').length).toBe(1))
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
    await act(async () =>
      fake.emit('keys:changed', {
        keys: [makeKey({ label: 'Laptop', figures: makeFigures({ limit: 10, limitRemaining: 1.25 }) }), makeKey({ label: 'Desktop' })],
        settings: { lowCreditPercent: 10, sortOrder: 'manual', autoUpdate: true, keyView: 'cards' },
        warnings: [],
        notices: [],
      }),
    )
    expect(within(card('Laptop')).getByTestId('key-remaining').textContent).toBe('$1.25')
    expect(labels()).toEqual(['Laptop', 'Desktop'])
  })
})

describe('App: empty state', () => {
  it('explains the app and offers Connect when there are no keys', async () => {
    const { user, fake } = await renderApp({ keys: [] })
    const empty = screen.getByRole('heading', { name: 'No keys yet' }).closest('section')!
    expect(empty.textContent).toContain('Connect your OpenRouter account in one click')
    expect(empty.textContent).toContain('OS keychain')
    expect(screen.queryByRole('list', { name: 'Stored keys' })).toBeNull()
    await user.click(within(empty).getByRole('button', { name: 'Connect OpenRouter' }))
    await continueInBrowser(user)
    expect(fake.callsTo('connect:start')).toEqual([[{ name: 'OpenRouter key 1' }]])
    expect((await screen.findByTestId('connect-status')).textContent).toBe('Approve the new key on OpenRouter’s page in your browser; this window updates by itself.')
    // While the flow runs the empty state gives way to the panel: one Connect button left.
    expect(screen.queryByRole('heading', { name: 'No keys yet' })).toBeNull()
    expect(screen.getAllByRole('button', { name: 'Connect OpenRouter' })).toHaveLength(1)
  })

  it('is not shown when there are keys', async () => {
    await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    expect(screen.queryByRole('heading', { name: 'No keys yet' })).toBeNull()
  })
})

describe('App: connecting', () => {
  it('asks for the name and an optional limit before the browser opens; both reach the new key', async () => {
    const { user, fake } = await renderApp({ keys: [] })
    await user.click(screen.getAllByRole('button', { name: 'Connect OpenRouter' })[0]!)
    const form = screen.getByRole('dialog', { name: 'Connect an OpenRouter account' })
    expect(fake.callsTo('connect:start')).toEqual([])
    expect(form.textContent).toContain('This creates a new API key on your OpenRouter account')
    expect(within(form).queryByTestId('connect-existing')).toBeNull()
    const name = within(form).getByLabelText('Name of the new key') as HTMLInputElement
    expect(name.value).toBe('OpenRouter key 1')
    expect(document.activeElement).toBe(name)
    await user.clear(name)
    await user.type(name, 'Work laptop')
    await user.type(within(form).getByLabelText('Credit limit (USD, optional)'), '10')
    await user.click(within(form).getByRole('button', { name: 'Continue in browser' }))
    expect(fake.callsTo('connect:start')).toEqual([[{ name: 'Work laptop', limit: 10 }]])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await screen.findByTestId('connect-status')
    await act(async () => fake.approve())
    expect(screen.getByTestId('connect-status').textContent).toBe('Connected as user_2dHF…0000 (user_2dHFtVWx2n56w6HkM0000000000). The key is saved in your keychain.')
    expect(within(card('Work laptop')).getByTestId('key-limit').textContent).toBe('$10.00')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Connection' })).toBeNull())
    // The form starts afresh next time.
    await user.click(screen.getAllByRole('button', { name: 'Connect OpenRouter' })[0]!)
    expect((screen.getByLabelText('Name of the new key') as HTMLInputElement).value).toBe('OpenRouter key 2')
    expect((screen.getByLabelText('Credit limit (USD, optional)') as HTMLInputElement).value).toBe('')
  })

  it('says that connecting again creates another key', async () => {
    const { user } = await renderApp({ keys: [makeKey({ label: 'A' }), makeKey({ label: 'B' })] })
    await user.click(screen.getByRole('button', { name: 'Connect OpenRouter' }))
    expect(screen.getByTestId('connect-existing').textContent).toBe('You already have 2 keys; this creates another.')
  })

  it('refuses a credit limit that is not a positive amount', async () => {
    const { user, fake } = await renderApp({ keys: [] })
    await user.click(screen.getAllByRole('button', { name: 'Connect OpenRouter' })[0]!)
    await user.type(screen.getByLabelText('Credit limit (USD, optional)'), '0')
    await user.click(screen.getByRole('button', { name: 'Continue in browser' }))
    expect(screen.getByRole('alert').textContent).toContain('Enter an amount above $0')
    expect(fake.callsTo('connect:start')).toEqual([])
  })

  it('says there is no keychain in the form, before any browser opens', async () => {
    const { user, fake } = await renderApp({ keys: [] })
    fake.respond('connect:start', () => ({
      ok: false,
      error: { code: 'keychain-unavailable', message: 'No OS keychain could be reached, so keys cannot be stored safely.', hint: 'Install GNOME Keyring.' },
    }))
    await user.click(screen.getAllByRole('button', { name: 'Connect OpenRouter' })[0]!)
    const form = screen.getByRole('dialog', { name: 'Connect an OpenRouter account' })
    await user.click(within(form).getByRole('button', { name: 'Continue in browser' }))
    expect((await within(form).findByRole('alert')).textContent).toContain('No OS keychain could be reached')
    expect(within(form).getByRole('alert').textContent).toContain('Install GNOME Keyring.')
    expect(screen.queryByRole('region', { name: 'Connection' })).toBeNull()
  })

  it('a second Connect while a flow runs focuses the panel instead of opening the form again', async () => {
    const { user, fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    await user.click(screen.getByRole('button', { name: 'Connect OpenRouter' }))
    await continueInBrowser(user)
    const panel = await screen.findByRole('region', { name: 'Connection' })
    await user.click(screen.getByRole('button', { name: 'Connect OpenRouter' }))
    expect(document.activeElement).toBe(panel)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getAllByRole('region', { name: 'Connection' })).toHaveLength(1)
    expect(fake.callsTo('connect:start')).toHaveLength(1)
  })

  it('Try again starts a new flow with the same name and limit', async () => {
    const { user, fake } = await renderApp({ keys: [] })
    await user.click(screen.getAllByRole('button', { name: 'Connect OpenRouter' })[0]!)
    await user.type(screen.getByLabelText('Credit limit (USD, optional)'), '7.5')
    await continueInBrowser(user)
    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect((await screen.findByTestId('connect-status')).textContent).toBe('Connection cancelled. Nothing was stored.')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    const options = { name: 'OpenRouter key 1', limit: 7.5 }
    expect(fake.callsTo('connect:start')).toEqual([[options], [options]])
    await waitFor(() => expect(screen.getByTestId('connect-status').textContent).toBe('Approve the new key on OpenRouter’s page in your browser; this window updates by itself.'))
  })

  it('shows a flow that was already running when the window opened', async () => {
    await renderApp({ keys: [], connect: { phase: 'exchanging', flowId: 'f' } })
    expect((await screen.findByTestId('connect-status')).textContent).toBe('Exchanging the authorization code…')
  })
})

describe('App: menu commands', () => {
  it('connect opens the connect form', async () => {
    const { fake, user } = await renderApp({ keys: [] })
    await act(async () => fake.menu('connect'))
    await continueInBrowser(user)
    expect(fake.callsTo('connect:start')).toEqual([[{ name: 'OpenRouter key 1' }]])
    expect((await screen.findByTestId('connect-status')).textContent).toBe('Approve the new key on OpenRouter’s page in your browser; this window updates by itself.')
  })

  it('refresh-all refreshes every key, manually', async () => {
    const { fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    await act(async () => fake.menu('refresh-all'))
    await waitFor(() => expect(fake.callsTo('keys:refresh-all')).toContainEqual(['manual']))
  })

  it('add-key and mint-key open their dialogs', async () => {
    const { fake, user } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    await act(async () => fake.menu('add-key'))
    expect(screen.getByRole('dialog', { name: 'Add an existing key' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await act(async () => fake.menu('mint-key'))
    expect(screen.getByRole('dialog', { name: 'New limited key' })).toBeTruthy()
  })

  it('stops listening when the app unmounts', async () => {
    const { fake, unmount } = await renderApp({ keys: [] })
    expect(fake.listenerCount('menu:command')).toBe(1)
    unmount()
    expect(fake.listenerCount('menu:command')).toBe(0)
    expect(fake.listenerCount('keys:changed')).toBe(0)
    expect(fake.listenerCount('connect:changed')).toBe(0)
  })
})

describe('App: the key list', () => {
  const three = () => [makeKey({ label: 'A', isDefault: true }), makeKey({ label: 'B' }), makeKey({ label: 'C' })]

  it('explains that limits are the key’s cap, not the account balance', async () => {
    await renderApp({ keys: three() })
    expect(screen.getByText('Limits are each key’s own cap; OpenRouter does not let a key read your account balance.')).toBeTruthy()
  })

  it('moves a key down and up in the manual order', async () => {
    const { user, fake } = await renderApp({ keys: three() })
    const [a, b, c] = three()
    await user.click(within(card('A')).getByRole('button', { name: 'Move A down' }))
    expect(fake.callsTo('keys:reorder')).toEqual([[[b!.id, a!.id, c!.id]]])
    await waitFor(() => expect(labels()).toEqual(['B', 'A', 'C']))
    // Focus follows the moved card, so Move down can be pressed again.
    expect(document.activeElement).toBe(within(card('A')).getByRole('button', { name: 'Move A down' }))
    await user.click(within(card('C')).getByRole('button', { name: 'Move C up' }))
    await waitFor(() => expect(labels()).toEqual(['B', 'C', 'A']))
    expect(document.activeElement).toBe(within(card('C')).getByRole('button', { name: 'Move C up' }))
  })

  it('sets another key as default', async () => {
    const { user } = await renderApp({ keys: three() })
    await user.click(within(card('B')).getByRole('button', { name: 'Set as default: B' }))
    await waitFor(() => expect(within(card('B')).queryByText('Default')).not.toBeNull())
    expect(within(card('A')).queryByText('Default')).toBeNull()
  })

  it('renames a key', async () => {
    const { user, fake } = await renderApp({ keys: three() })
    await user.click(within(card('B')).getByRole('button', { name: 'Rename B' }))
    const input = within(card('B')).getByRole('textbox', { name: 'Key label' })
    await user.clear(input)
    await user.type(input, 'Build server{Enter}')
    expect(fake.callsTo('keys:rename')).toEqual([[three()[1]!.id, 'Build server']])
    expect(await screen.findByRole('listitem', { name: 'Build server' })).toBeTruthy()
  })

  it('tells how long the clipboard keeps a copied key', async () => {
    const { user, fake } = await renderApp({ keys: three() }, {})
    await user.click(within(card('A')).getByRole('button', { name: 'Copy as export: A' }))
    expect(fake.callsTo('keys:copy')).toEqual([[three()[0]!.id, 'export-sh']])
    const toast = await screen.findByText('Copied. The clipboard will be cleared in 30 seconds.')
    expect(toast.closest('[role="status"]')).not.toBeNull()
  })

  it('shows an error when a key’s secret is gone from the keychain', async () => {
    const { user, fake } = await renderApp({ keys: three() })
    fake.respond('keys:refresh', () => ({ ok: false, error: { code: 'keychain-failed', message: 'This key is no longer in your keychain.', hint: 'Remove it here, or add it again.' } }))
    await user.click(within(card('A')).getByRole('button', { name: 'Refresh A' }))
    expect(await screen.findByText('This key is no longer in your keychain.')).toBeTruthy()
    expect(screen.getByText('Remove it here, or add it again.')).toBeTruthy()
  })

  it('Refresh all asks main to refresh every key now', async () => {
    const { user, fake } = await renderApp({ keys: three() })
    await user.click(screen.getByRole('button', { name: 'Refresh all' }))
    await waitFor(() => expect(fake.callsTo('keys:refresh-all')).toContainEqual(['manual']))
  })
})

describe('App: long lists', () => {
  it('renders the first screenful at once and then every key', async () => {
    const count = firstScreenful(CARD_SIZE) + 16
    await renderApp({ keys: manyKeys(count) })
    // A bound, not a race: jsdom renders cards slowly when both cores are busy.
    await waitFor(() => expect(within(keyList()).getAllByRole('listitem')).toHaveLength(count), { timeout: 30_000 })
    expect(keyList().getAttribute('aria-busy')).toBeNull()
    expect(labels().at(-1)).toBe(`Key ${String(count).padStart(3, '0')}`)
  }, 60_000)
})

describe('App: settings', () => {
  it('changes the sort order and lists keys in each order; Move buttons only exist in the manual order', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString()
    // Manual: Delta, Bravo, alpha, Charlie. Each other order differs from it and from the rest.
    const keys = [
      makeKey({ label: 'Delta', figures: makeFigures({ limit: 50, limitRemaining: 5, expiresAt: inDays(30) }) }),
      makeKey({ label: 'Bravo', figures: makeFigures({ limit: 50, limitRemaining: 40, expiresAt: inDays(3) }) }),
      makeKey({ label: 'alpha', figures: makeFigures({ limit: null, limitRemaining: null, expiresAt: null }) }),
      makeKey({ label: 'Charlie', figures: makeFigures({ limit: 50, limitRemaining: 1, expiresAt: inDays(10) }) }),
    ]
    const expected = {
      manual: ['Delta', 'Bravo', 'alpha', 'Charlie'],
      label: ['alpha', 'Bravo', 'Charlie', 'Delta'],
      remaining: ['Charlie', 'Delta', 'Bravo', 'alpha'],
      expiry: ['Bravo', 'Charlie', 'Delta', 'alpha'],
    }
    expect(new Set(Object.values(expected).map((order) => order.join())).size).toBe(4)
    const { user, fake } = await renderApp({ keys })
    expect(labels()).toEqual(expected.manual)
    expect(within(card('Delta')).queryByRole('button', { name: 'Move Delta down' })).not.toBeNull()
    for (const order of ['label', 'remaining', 'expiry', 'manual'] as const) {
      await user.selectOptions(screen.getByLabelText('Sort by'), order)
      await waitFor(() => expect(labels(), order).toEqual(expected[order]))
      const moveButtons = within(card('Delta')).queryByRole('button', { name: 'Move Delta down' })
      if (order === 'manual') expect(moveButtons).not.toBeNull()
      else expect(moveButtons).toBeNull()
    }
    expect(fake.callsTo('settings:update')).toEqual([[{ sortOrder: 'label' }], [{ sortOrder: 'remaining' }], [{ sortOrder: 'expiry' }], [{ sortOrder: 'manual' }]])
    expect([...(screen.getByLabelText('Sort by') as HTMLSelectElement).options].map((option) => option.textContent)).toEqual([
      'Manual',
      'Label',
      'Remaining credit',
      'Expiry',
    ])
  }, 20_000) // four re-renders of the list under jsdom, on a busy machine

  it('changes the low-credit threshold, accepting 1 to 100 only', async () => {
    const { user, fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    const input = screen.getByLabelText('Low-credit warning (%)') as HTMLInputElement
    expect(input.value).toBe('10')
    await user.clear(input)
    await user.type(input, '150{Enter}')
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 100.')
    expect(fake.callsTo('settings:update')).toEqual([])
    await user.clear(input)
    await user.type(input, '25{Enter}')
    expect(fake.callsTo('settings:update')).toEqual([[{ lowCreditPercent: 25 }]])
  })
})

describe('App: warnings and notices', () => {
  it('lists warnings, and hides one for the session on request', async () => {
    const key = makeKey({ label: 'CI runner' })
    const { user } = await renderApp({
      keys: [key],
      warnings: [
        { id: 'w1', keyId: key.id, kind: 'low-credit', message: '“CI runner” has less than 10% of its credit limit left.' },
        { id: 'w2', keyId: key.id, kind: 'expiring-soon', message: '“CI runner” expires in 3 days.' },
      ],
    })
    const warnings = screen.getByRole('region', { name: 'Warnings' })
    // One line with a count of keys (not of conditions), which expands.
    expect(within(warnings).getByTestId('warnings-summary').textContent).toBe('1 key needs attention')
    expect(within(warnings).queryAllByRole('listitem')).toHaveLength(0)
    await user.click(within(warnings).getByRole('button', { name: 'Show details' }))
    expect(within(warnings).getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).toBe('true')
    expect(within(warnings).getAllByRole('listitem').map((item) => item.querySelector('.banner-message')?.textContent)).toEqual([
      '“CI runner” has less than 10% of its credit limit left.',
      '“CI runner” expires in 3 days.',
    ])
    await user.click(within(warnings).getAllByRole('button', { name: 'Hide warning' })[0]!)
    expect(within(screen.getByRole('region', { name: 'Warnings' })).getAllByRole('listitem')).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Hide warning' }))
    expect(screen.queryByRole('region', { name: 'Warnings' })).toBeNull()
  })

  it('Show key moves focus to the key’s card', async () => {
    const key = makeKey({ label: 'CI runner' })
    const { user } = await renderApp({ keys: [makeKey({ label: 'Other' }), key], warnings: [{ id: 'w1', keyId: key.id, kind: 'rejected', message: 'OpenRouter is rejecting “CI runner”.' }] })
    await user.click(screen.getByRole('button', { name: 'Show details' }))
    await user.click(screen.getByRole('button', { name: 'Show key' }))
    expect(document.activeElement).toBe(card('CI runner').querySelector('article'))
  })

  it('has no warnings region when there is nothing to warn about', async () => {
    await renderApp({ keys: [makeKey({ label: 'Laptop' })], warnings: [] })
    expect(screen.queryByRole('region', { name: 'Warnings' })).toBeNull()
  })

  it('shows storage notices in an info banner', async () => {
    await renderApp({ keys: [], notices: ['The key list file was unreadable and has been set aside.'] })
    expect(within(screen.getByRole('region', { name: 'Notices' })).getByText('The key list file was unreadable and has been set aside.')).toBeTruthy()
  })
})

describe('App: the compact list view', () => {
  const table = () => screen.getByRole('grid', { name: 'Stored keys' })
  const rowNames = () => within(table()).queryAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'))
  const sample = () => [
    makeKey({ label: 'Work laptop', isDefault: true }),
    makeKey({ label: 'CI runner', figures: makeFigures({ limit: 10, limitRemaining: 0.5 }), status: { kind: 'low-credit', reason: 'Low.' } }),
    makeKey({ label: 'Gone', status: { kind: 'missing-secret', reason: 'The key is no longer in your keychain.' } }),
  ]

  it('shows one row per key (name, status, remaining / limit, expiry, copy), and is remembered', async () => {
    const { user, unmount, fake } = await renderApp({ keys: sample() })
    await user.click(screen.getByRole('button', { name: 'List' }))
    // A setting in main, so it is remembered between runs.
    expect(fake.callsTo('settings:update')).toEqual([[{ keyView: 'list' }]])
    expect(screen.getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).toBe('true')
    expect(rowNames()).toEqual(['Work laptop', 'CI runner', 'Gone'])
    const ci = within(table()).getByRole('row', { name: 'CI runner' })
    expect(within(ci).getByTestId('row-status').textContent).toBe('Low credit')
    expect(within(ci).getByTestId('row-amounts').textContent).toBe('$0.50 / $10.00')
    expect(within(ci).getByTestId('row-expiry').textContent).toBe('Never')
    expect(within(ci).getByRole('button', { name: 'Copy CI runner' })).toBeTruthy()
    // A key missing from the keychain cannot be copied, and says why.
    const gone = within(table()).getByRole('button', { name: 'Copy Gone' }) as HTMLButtonElement
    expect(gone.disabled).toBe(true)
    expect(gone.title).toBe('The key is no longer in your keychain.')
    unmount()
    cleanup()
    await renderApp({ keys: sample(), settings: { keyView: 'list' } })
    expect(screen.getByRole('grid', { name: 'Stored keys' })).toBeTruthy()
  })

  it('filters by name and status, says when nothing matches, and "/" focuses the search', async () => {
    const { user } = await renderApp({ keys: sample() })
    await user.click(screen.getByRole('button', { name: 'List' }))
    await user.click(document.body)
    await user.keyboard('/')
    const search = screen.getByRole('searchbox')
    expect(document.activeElement).toBe(search)
    await user.keyboard('runner')
    expect(rowNames()).toEqual(['CI runner'])
    expect(screen.getByTestId('search-count').textContent).toBe('Showing 1 of 3')
    await user.clear(search)
    await user.selectOptions(screen.getByLabelText('Show'), 'inactive')
    expect(rowNames()).toEqual(['Gone'])
    await user.selectOptions(screen.getByLabelText('Show'), 'all')
    await user.type(search, 'nothing like this')
    expect(screen.getByTestId('no-results').textContent).toContain('No key matches “nothing like this”.')
    await user.click(screen.getByRole('button', { name: 'Show all keys' }))
    expect(rowNames()).toEqual(['Work laptop', 'CI runner', 'Gone'])
  })

  it('the search filters the cards too', async () => {
    const { user } = await renderApp({ keys: sample() })
    await user.type(screen.getByRole('searchbox'), 'work')
    expect(labels()).toEqual(['Work laptop'])
  })

  it('is one tab stop; arrow keys move between rows and into a row’s buttons', async () => {
    const { user } = await renderApp({ keys: sample() })
    await user.click(screen.getByRole('button', { name: 'List' }))
    const rows = within(table()).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1])
    expect(within(table()).getAllByRole('button').every((button) => button.tabIndex === -1)).toBe(true)
    rows[0]!.focus()
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(rows[1])
    expect(rows.map((row) => row.tabIndex)).toEqual([-1, 0, -1])
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(rows[2])
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(rows[0])
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(within(rows[0]!).getByRole('button', { name: 'Copy Work laptop' }))
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(within(rows[0]!).getByRole('button', { name: 'Remove Work laptop' }))
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(document.activeElement).toBe(rows[0])
    // Tab leaves the list at once: the rows are one stop.
    await user.tab()
    expect(table().contains(document.activeElement)).toBe(false)
  })

  it('Enter on a row shows that key’s card', async () => {
    const { user } = await renderApp({ keys: sample() })
    await user.click(screen.getByRole('button', { name: 'List' }))
    within(table()).getByRole('row', { name: 'CI runner' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(card('CI runner').querySelector('article')))
  })
})

describe('App: focus and stale messages', () => {
  it('after Remove, focus moves to the next key', async () => {
    const { user } = await renderApp({ keys: [makeKey({ label: 'A', isDefault: true }), makeKey({ label: 'B' }), makeKey({ label: 'C' })] })
    await user.click(within(card('B')).getByRole('button', { name: 'Remove B' }))
    await user.click(screen.getByRole('button', { name: 'Remove from this device' }))
    await waitFor(() => expect(document.activeElement).toBe(card('C').querySelector('article')))
  })

  it('after Remove in the list view, focus moves to the next row', async () => {
    const { user } = await renderApp({ keys: [makeKey({ label: 'A', isDefault: true }), makeKey({ label: 'B' }), makeKey({ label: 'C' })] })
    await user.click(screen.getByRole('button', { name: 'List' }))
    await user.click(screen.getByRole('button', { name: 'Remove A' }))
    await user.click(screen.getByRole('button', { name: 'Remove from this device' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('row', { name: 'B' })))
  })

  it('a refresh error toast goes away once the key checks fine again', async () => {
    const { user, fake } = await renderApp({ keys: [makeKey({ label: 'A' })] })
    fake.respond('keys:refresh', () => ({ ok: false, error: { code: 'offline', message: 'OpenRouter could not be reached.' } }))
    await user.click(screen.getByRole('button', { name: 'Refresh A' }))
    expect(await screen.findByText('OpenRouter could not be reached.')).toBeTruthy()
    fake.restore('keys:refresh')
    await user.click(screen.getByRole('button', { name: 'Refresh A' }))
    await waitFor(() => expect(screen.queryByText('OpenRouter could not be reached.')).toBeNull())
  })
})

describe('App: links (openrouter-key-manager://connect)', () => {
  it('a link opens the connect form, prefilled and saying so; the browser opens only when the person continues', async () => {
    const { user, fake } = await renderApp({ keys: [makeKey({ label: 'Laptop' })] })
    await act(async () => fake.requestConnect(25))
    const form = await screen.findByRole('dialog', { name: 'A link asked to connect an OpenRouter account with a $25.00 limit' })
    expect((within(form).getByLabelText('Credit limit (USD, optional)') as HTMLInputElement).value).toBe('25')
    expect(fake.callsTo('connect:start')).toEqual([])
    await user.click(within(form).getByRole('button', { name: 'Continue in browser' }))
    expect(fake.callsTo('connect:start')).toEqual([[{ name: 'OpenRouter key 2', limit: 25 }]])
  })

  it('a link that launched the app is shown once the window is ready, and only once', async () => {
    const { fake, user } = await renderApp({ keys: [], connectRequest: { source: 'link', limit: null } })
    const form = await screen.findByRole('dialog', { name: 'A link asked to connect an OpenRouter account' })
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(fake.callsTo('connect:start')).toEqual([])
    expect((await fake.api.takeConnectRequest())).toEqual({ ok: true, value: null })
  })
})
