// Account mode as the person sees it, on the fake main side: the tab, the management key, the account view,
// and every management action behind its confirmation.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../../renderer/src/App'
import { createFakeOrkm, makeKey } from '../fake-orkm'
import { MANAGEMENT_SECRET, createFakeAccount, makeAccountKey, manyAccountKeys, type FakeAccountOptions } from '../fake-account'

afterEach(cleanup)

async function renderAccount(options: FakeAccountOptions = {}, deviceKeys = [makeKey({ label: 'Personal laptop', isDefault: true })]) {
  const fake = createFakeOrkm({ keys: deviceKeys })
  const account = createFakeAccount(options)
  const user = userEvent.setup()
  const result = render(<App api={fake.api} accountApi={account.api} />)
  await waitFor(() => expect(result.container.querySelector('.skeleton-grid')).toBeNull())
  await user.click(screen.getByRole('tab', { name: 'Account' }))
  return { ...result, fake, account, user }
}

const accountGrid = () => screen.findByRole('grid', { name: 'Keys on your account' })
const row = async (name: string) => within(await accountGrid()).getByRole('row', { name })

describe('Account mode: the management key', () => {
  it('without one, explains why and links to OpenRouter’s management-keys page', async () => {
    await renderAccount({ managementKey: null })
    expect(await screen.findByRole('heading', { name: 'See and manage every key on your account' })).toBeTruthy()
    const link = screen.getAllByRole('link', { name: /openrouter\.ai\/settings\/management-keys/ })[0]!
    expect(link.getAttribute('href')).toBe('https://openrouter.ai/settings/management-keys')
    expect(screen.getByText(/cannot call models/)).toBeTruthy()
  })

  it('refuses an ordinary key with main’s message, then stores a management key and shows the account', async () => {
    const { account, user, container } = await renderAccount({ managementKey: null })
    await user.click((await screen.findAllByRole('button', { name: 'Add management key…' }))[0]!)
    const dialog = screen.getByRole('dialog', { name: 'Add management key' })
    await user.type(within(dialog).getByLabelText('Management key'), 'sk-or-v1-ordinary')
    await user.click(within(dialog).getByRole('button', { name: 'Add management key' }))
    expect((await within(dialog).findByRole('alert')).textContent).toContain('not a management key. Nothing was stored.')
    expect(account.view().managementKey).toBeNull()
    // The refused value is not kept in the field.
    expect((within(dialog).getByLabelText('Management key') as HTMLInputElement).value).toBe('')
    await user.type(within(dialog).getByLabelText('Management key'), MANAGEMENT_SECRET)
    await user.click(within(dialog).getByRole('button', { name: 'Add management key' }))
    expect(await screen.findByTestId('account-balance')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(account.callsTo('account:set-management-key')).toEqual([['sk-or-v1-ordinary'], [MANAGEMENT_SECRET]])
    // The secret went to main and nowhere else: not in the page, not in any field.
    expect(container.ownerDocument.body.innerHTML).not.toContain(MANAGEMENT_SECRET)
    expect(container.ownerDocument.body.innerHTML).not.toContain('sk-or-v1-mgmt')
  })

  it('removes the management key only after a second, explicit click', async () => {
    const { account, user } = await renderAccount()
    await user.click((await screen.findAllByRole('button', { name: 'Management key…' }))[0]!)
    const dialog = screen.getByRole('dialog', { name: 'Management key' })
    expect(within(dialog).getByTestId('management-key-current').textContent).toContain('sk-or-v1-…4567')
    await user.click(within(dialog).getByRole('button', { name: 'Remove…' }))
    expect(account.callsTo('account:remove-management-key')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Remove management key' }))
    await waitFor(() => expect(account.callsTo('account:remove-management-key')).toEqual([[]]))
    expect(await screen.findByRole('heading', { name: 'See and manage every key on your account' })).toBeTruthy()
  })
})

describe('Account mode: the account view', () => {
  it('shows the balance with both figures and every key, on this device or not', async () => {
    await renderAccount()
    expect((await screen.findByTestId('account-balance')).textContent).toBe('$37.65')
    expect(screen.getByTestId('account-credits').textContent).toBe('$150.00 bought − $112.35 used')
    expect(within(await row('Personal laptop')).getByTestId('row-tag').textContent).toBe('On this device')
    expect(within(await row('Website chatbot')).getByTestId('row-tag').textContent).toBe('Not on this device')
    expect(within(await row('Staging')).getByTestId('row-status').textContent).toBe('Disabled')
    // Copy only where the secret is on this device.
    expect((within(await row('Website chatbot')).getByRole('button', { name: 'Copy Website chatbot' }) as HTMLButtonElement).disabled).toBe(true)
    expect((within(await row('Personal laptop')).getByRole('button', { name: 'Copy Personal laptop' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('searches (with a no-results state) and sorts', async () => {
    const { user } = await renderAccount()
    await accountGrid()
    const names = () => within(screen.getByRole('grid', { name: 'Keys on your account' })).getAllByTestId('row-name').map((cell) => cell.textContent)
    await user.selectOptions(screen.getByLabelText('Sort by', { selector: '#account-sort' }), 'usage')
    expect(names()[0]).toBe('Nightly batch')
    await user.selectOptions(screen.getByLabelText('Sort by', { selector: '#account-sort' }), 'remaining')
    expect(names()[0]).toBe('Website chatbot')
    await user.type(screen.getByRole('searchbox'), 'not on this device')
    expect(names()).not.toContain('Personal laptop')
    await user.clear(screen.getByRole('searchbox'))
    await user.type(screen.getByRole('searchbox'), 'zzz')
    expect(screen.getByTestId('no-results')).toBeTruthy()
  })

  it('says when the listing is partial and concludes nothing from it', async () => {
    await renderAccount({ view: { complete: false, listingProblem: { code: 'offline', message: 'OpenRouter could not be reached for workspace 2.' } } })
    expect((await screen.findByTestId('listing-problem')).textContent).toContain('Nothing is concluded from a partial list')
    expect(screen.queryByTestId('gone-from-account')).toBeNull()
  })

  it('shows a revoked key still in the keychain as a row with Remove', async () => {
    const device = makeKey({ label: 'Old laptop' })
    const { fake, user } = await renderAccount({ view: { revokedStillStored: [device.id] } }, [device])
    const notice = await screen.findByTestId('revoked-still-stored')
    expect(notice.textContent).toContain('Old laptop: revoked on OpenRouter, still in your keychain')
    await user.click(within(notice).getByRole('button', { name: 'Remove from this device' }))
    await waitFor(() => expect(fake.callsTo('keys:remove')).toEqual([[device.id]]))
  })

  it('opens a key’s details with every figure, its spend chart and forecast', async () => {
    const { account, user } = await renderAccount()
    await user.click(within(await row('Website chatbot')).getByRole('button', { name: 'Details of Website chatbot' }))
    const details = await screen.findByTestId('account-details')
    expect(within(details).getByTestId('account-key-limit').textContent).toBe('$100.00')
    expect(within(details).getByTestId('account-key-remaining').textContent).toBe('$8.10')
    expect(within(details).getByTestId('account-key-reset').textContent).toBe('Weekly')
    expect(within(details).getByTestId('account-key-usage-monthly').textContent).toBe('$61.30')
    expect(await within(details).findByTestId('spend-sparkline')).toBeTruthy()
    expect(within(details).getByTestId('spend-forecast').textContent).toMatch(/limit is reached on/)
    expect(account.callsTo('account:spend')).toEqual([[[{ hash: account.view().keys[1]!.hash }]]])
  })

  it('renders the account chart with a table for screen readers, by key and by model', async () => {
    const { account, user } = await renderAccount()
    const chart = await screen.findByTestId('account-chart')
    expect(within(chart).getByTestId('account-chart-table').querySelectorAll('tbody tr')).toHaveLength(30)
    await user.click(within(chart).getByRole('button', { name: 'By model' }))
    await waitFor(() => expect(within(screen.getByTestId('account-chart')).getAllByText('openai/gpt-4o').length).toBeGreaterThan(0))
    expect(account.callsTo('account:spend-chart')).toEqual([['key'], ['model']])
  })

  it('counts 1,000 account keys and shows the first screenful at once (timing: npm run bench)', async () => {
    await renderAccount({ keys: manyAccountKeys(1000) })
    expect(await screen.findByText('1000')).toBeTruthy()
    expect(await row('Account key 0001')).toBeTruthy()
    expect(screen.getByRole('grid', { name: 'Keys on your account' }).getAttribute('aria-rowcount')).toBe('1001')
  }, 20_000)
})

describe('Account mode: management actions', () => {
  async function openDetails(name: string) {
    const rendered = await renderAccount()
    await rendered.user.click(within(await row(name)).getByRole('button', { name: `Details of ${name}` }))
    return { ...rendered, details: await screen.findByTestId('account-details') }
  }

  it('revokes only after the key’s name is typed, and the key leaves the list', async () => {
    const { account, user, details } = await openDetails('Website chatbot')
    const hash = account.view().keys.find((key) => key.name === 'Website chatbot')!.hash
    await user.click(within(details).getByRole('button', { name: 'Revoke Website chatbot' }))
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Website chatbot”?' })
    const confirm = within(dialog).getByRole('button', { name: 'Revoke key' }) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    await user.type(within(dialog).getByLabelText(/to confirm/), 'Website')
    expect(confirm.disabled).toBe(true)
    await user.type(within(dialog).getByLabelText(/to confirm/), ' chatbot')
    expect(confirm.disabled).toBe(false)
    await user.click(confirm)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(account.callsTo('account:revoke')).toEqual([[{ hash }]])
    expect(within(await accountGrid()).queryByRole('row', { name: 'Website chatbot' })).toBeNull()
  })

  it('keeps the dialog open with main’s message when a revoke fails', async () => {
    const { account, user, details } = await openDetails('Website chatbot')
    account.respond('account:revoke', () => ({ ok: false, error: { code: 'openrouter-error', message: 'OpenRouter could not revoke the key (500).' } }))
    await user.click(within(details).getByRole('button', { name: 'Revoke Website chatbot' }))
    const dialog = screen.getByRole('dialog')
    await user.type(within(dialog).getByLabelText(/to confirm/), 'Website chatbot')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))
    expect((await within(dialog).findByRole('alert')).textContent).toContain('could not revoke')
  })

  it('disables, then enables, each after a plain-words confirmation; the status follows', async () => {
    const { account, user, details } = await openDetails('Website chatbot')
    await user.click(within(details).getByRole('button', { name: 'Disable Website chatbot' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Disable “Website chatbot”?' })).getByRole('button', { name: 'Disable key' }))
    await waitFor(() => expect(within(screen.getByTestId('account-details')).getByTestId('account-key-status').textContent).toBe('Disabled'))
    await user.click(within(screen.getByTestId('account-details')).getByRole('button', { name: 'Enable Website chatbot' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Enable “Website chatbot”?' })).getByRole('button', { name: 'Enable key' }))
    await waitFor(() => expect(within(screen.getByTestId('account-details')).getByTestId('account-key-status').textContent).toBe('Low credit'))
    expect(account.callsTo('account:set-disabled').map((args) => args[1])).toEqual([true, false])
  })

  it('edits the limit (only what changed is sent) and the figures follow; the expiry is read-only', async () => {
    const { account, user, details } = await openDetails('Website chatbot')
    await user.click(within(details).getByRole('button', { name: 'Edit Website chatbot' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit “Website chatbot”' })
    expect(within(dialog).getByTestId('edit-expiry').textContent).toContain('does not change a key’s expiry')
    const limit = within(dialog).getByLabelText('Credit limit (USD)')
    await user.clear(limit)
    await user.type(limit, '0')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(within(dialog).getByText(/must be more than \$0/)).toBeTruthy()
    expect(account.callsTo('account:edit')).toEqual([])
    await user.clear(limit)
    await user.type(limit, '150')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(account.callsTo('account:edit')[0]![1]).toEqual({ limit: 150 })
    expect(within(screen.getByTestId('account-details')).getByTestId('account-key-limit').textContent).toBe('$150.00')
  })

  it('creates a key with every field and lists it', async () => {
    const { account, user } = await renderAccount()
    await user.click(await screen.findByRole('button', { name: 'Create key' }))
    const dialog = screen.getByRole('dialog', { name: 'Create a key on your account' })
    await user.type(within(dialog).getByLabelText('Name'), 'CI runner')
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '5')
    await user.selectOptions(within(dialog).getByLabelText('Reset period'), 'daily')
    await user.selectOptions(within(dialog).getByLabelText('Expiry'), '30')
    await user.click(within(dialog).getByLabelText(/BYOK/))
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const [request] = account.callsTo('account:create')[0] as [Record<string, unknown>]
    expect(request).toMatchObject({ name: 'CI runner', limit: 5, limitReset: 'daily', includeByokInLimit: true, workspaceId: null })
    expect(typeof request['expiresAt']).toBe('string')
    expect(within(await row('CI runner')).getByTestId('row-tag').textContent).toBe('On this device')
  })

  it('rotates: the replacement first, the old key revoked only after “my tools use the new key”', async () => {
    const { account, user, details } = await openDetails('Website chatbot')
    const oldHash = account.view().keys.find((key) => key.name === 'Website chatbot')!.hash
    await user.click(within(details).getByRole('button', { name: 'Rotate Website chatbot' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Rotate “Website chatbot”?' })).getByRole('button', { name: 'Create replacement' }))
    const pending = await screen.findByTestId('pending-rotation')
    expect(account.callsTo('account:finish-rotation')).toEqual([])
    await user.click(within(pending).getByRole('button', { name: 'Revoke the old key…' }))
    const dialog = screen.getByRole('dialog', { name: 'Revoke the old “Website chatbot”?' })
    const confirm = within(dialog).getByRole('button', { name: 'Revoke old key' }) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    await user.click(within(dialog).getByLabelText('My tools now use the new key.'))
    await user.click(confirm)
    await waitFor(() => expect(account.callsTo('account:finish-rotation')).toEqual([[oldHash]]))
    await waitFor(() => expect(screen.queryByTestId('pending-rotation')).toBeNull())
  })
})

describe('Account mode in the device’s dialogs', () => {
  it('Remove offers a real revoke on OpenRouter when a management key is stored', async () => {
    const device = makeKey({ label: 'Personal laptop', isDefault: true })
    const fake = createFakeOrkm({ keys: [device] })
    const account = createFakeAccount({ keys: [makeAccountKey({ name: 'Personal laptop', deviceKeyId: device.id, matchedBy: 'hash' })] })
    const user = userEvent.setup()
    render(<App api={fake.api} accountApi={account.api} />)
    await user.click(await screen.findByRole('button', { name: /^Remove Personal laptop$|^Remove$/ }))
    const dialog = screen.getByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke on OpenRouter' }))
    expect(fake.callsTo('keys:open-revoke-page')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Revoke “Personal laptop”' }))
    await waitFor(() => expect(account.callsTo('account:revoke')).toEqual([[{ keyId: device.id }]]))
  })

  it('Remove keeps opening OpenRouter’s page without a management key', async () => {
    const device = makeKey({ label: 'Personal laptop' })
    const fake = createFakeOrkm({ keys: [device] })
    const account = createFakeAccount({ managementKey: null })
    const user = userEvent.setup()
    render(<App api={fake.api} accountApi={account.api} />)
    await user.click(await screen.findByRole('button', { name: /^Remove Personal laptop$|^Remove$/ }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke on OpenRouter' }))
    await waitFor(() => expect(fake.callsTo('keys:open-revoke-page')).toEqual([[device.id]]))
    expect(account.callsTo('account:revoke')).toEqual([])
  })
})
