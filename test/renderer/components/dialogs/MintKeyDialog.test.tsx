import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeKey } from '../../fake-orkm'
import { renderApp } from '../../render-app'

afterEach(cleanup)

const laptop = makeKey({ label: 'Laptop' })
const main = makeKey({ label: 'Main account', isDefault: true })

async function openDialog() {
  const rendered = await renderApp({ keys: [laptop, main] })
  await rendered.user.click(screen.getByRole('button', { name: 'New limited key' }))
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'New limited key' }) }
}

describe('New limited key', () => {
  it('preselects the default key to authenticate with', async () => {
    const { dialog } = await openDialog()
    const source = within(dialog).getByLabelText('Authenticate with') as HTMLSelectElement
    expect(source.value).toBe(main.id)
    expect([...source.options].map((option) => option.textContent)).toEqual([
      `Laptop — ${laptop.maskedKey}`,
      `Main account — ${main.maskedKey} (default)`,
    ])
  })

  it('validates before sending: a label and a limit above $0', async () => {
    const { dialog, user, fake } = await openDialog()
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '0')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    expect(within(dialog).getByText('The credit limit must be more than $0.')).toBeTruthy()
    expect(within(dialog).getByText(/Give the new key a label/)).toBeTruthy()
    expect(fake.callsTo('keys:mint')).toEqual([])
    // Focus goes to the first field to fix.
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Label'))
  })

  it('asks for a custom expiry in the future', async () => {
    const { dialog, user, fake } = await openDialog()
    await user.type(within(dialog).getByLabelText('Label'), 'Hackathon')
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '5')
    await user.selectOptions(within(dialog).getByLabelText('Expiry'), 'custom')
    const expiresAt = within(dialog).getByLabelText('Expires at') as HTMLInputElement
    expect(expiresAt.type).toBe('datetime-local')
    await user.type(expiresAt, '2020-01-01T10:00')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    expect(within(dialog).getByText('The expiry must be in the future.')).toBeTruthy()
    expect(fake.callsTo('keys:mint')).toEqual([])
  })

  it('sends the request main expects and lists the new key', async () => {
    const { dialog, user, fake } = await openDialog()
    await user.selectOptions(within(dialog).getByLabelText('Authenticate with'), laptop.id)
    await user.type(within(dialog).getByLabelText('Label'), 'Hackathon')
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '5')
    await user.selectOptions(within(dialog).getByLabelText('Reset period'), 'weekly')
    await user.selectOptions(within(dialog).getByLabelText('Expiry'), '7')
    expect(within(dialog).getByTestId('mint-summary').textContent).toMatch(/^A key capped at \$5\.00, resetting weekly, expiring .* in 7 days\.$/)
    const before = Date.now()
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const [[request]] = fake.callsTo('keys:mint') as [[{ expiresAt: string }]]
    expect(request).toMatchObject({ sourceKeyId: laptop.id, label: 'Hackathon', limit: 5, limitReset: 'weekly' })
    expect(request.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    const sevenDays = Date.parse(request.expiresAt) - before
    expect(sevenDays).toBeGreaterThan(7 * 24 * 3600 * 1000 - 5000)
    expect(sevenDays).toBeLessThan(7 * 24 * 3600 * 1000 + 5000)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByRole('listitem', { name: 'Hackathon' })).toBeTruthy()
  })

  it('on refusal explains it in plain words, and the browser form gets every field the consent page takes', async () => {
    const { dialog, user, fake } = await openDialog()
    fake.respond('keys:mint', () => ({
      ok: false,
      error: { code: 'forbidden', message: 'Forbidden (403).', hint: 'x' },
    }))
    await user.type(within(dialog).getByLabelText('Label'), 'Hackathon')
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '12.5')
    await user.selectOptions(within(dialog).getByLabelText('Reset period'), 'daily')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('OpenRouter does not let the chosen key create other keys.')
    expect(alert.textContent).toContain('Use the browser instead: you approve the new key on OpenRouter’s page yourself.')
    await user.click(within(alert).getByRole('button', { name: 'Use the browser instead' }))
    // The connect form, carrying the name and the limit, and saying what the consent page cannot take.
    const form = screen.getByRole('dialog', { name: 'Connect an OpenRouter account' })
    expect((within(form).getByLabelText('Name of the new key') as HTMLInputElement).value).toBe('Hackathon')
    expect((within(form).getByLabelText('Credit limit (USD, optional)') as HTMLInputElement).value).toBe('12.5')
    expect(within(form).getByTestId('connect-dropped').textContent).toContain('the reset period you chose cannot be set this way')
    await user.click(within(form).getByRole('button', { name: 'Continue in browser' }))
    expect(fake.callsTo('connect:start')).toEqual([[{ name: 'Hackathon', limit: 12.5 }]])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('cannot sign with a key that is not usable, and says why in the list', async () => {
    const { user } = await renderApp({
      keys: [makeKey({ label: 'Dead', isDefault: true, status: { kind: 'expired', reason: 'Expired.' } }), makeKey({ label: 'Alive' })],
    })
    await user.click(screen.getAllByRole('button', { name: 'New limited key' })[0]!)
    const source = within(screen.getByRole('dialog')).getByLabelText('Authenticate with') as HTMLSelectElement
    const dead = [...source.options].find((option) => option.textContent?.startsWith('Dead'))!
    expect(dead.disabled).toBe(true)
    expect(dead.textContent).toContain('cannot sign: expired')
    expect(source.selectedOptions[0]!.textContent).toMatch(/^Alive/)
  })
})
