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

  it('on refusal shows the message and hint, and offers the browser with the same limit', async () => {
    const { dialog, user, fake } = await openDialog()
    fake.respond('keys:mint', () => ({
      ok: false,
      error: { code: 'forbidden', message: 'OpenRouter does not let this key create other keys.', hint: 'Use the browser to create a limited key instead.' },
    }))
    await user.type(within(dialog).getByLabelText('Label'), 'Hackathon')
    await user.type(within(dialog).getByLabelText('Credit limit (USD)'), '12.5')
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('OpenRouter does not let this key create other keys.')
    expect(alert.textContent).toContain('Use the browser to create a limited key instead.')
    await user.click(within(alert).getByRole('button', { name: 'Use the browser instead' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('connect:start')).toEqual([[{ limit: 12.5 }]])
    expect((await screen.findByTestId('connect-status')).textContent).toBe('Waiting for you to approve in your browser…')
  })
})
