import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeKey } from '../../fake-orkm'
import { renderApp } from '../../render-app'
import { keyIdOf } from '../../../../renderer/src/components/dialogs/AddKeyDialog'

afterEach(cleanup)

async function openDialog() {
  const rendered = await renderApp({ keys: [] })
  await rendered.user.click(screen.getAllByRole('button', { name: 'Add key' })[0]!)
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Add an existing key' }) }
}

describe('Add an existing key', () => {
  it('asks for the key in a password field that browsers do not autocomplete', async () => {
    const { dialog } = await openDialog()
    const secret = within(dialog).getByLabelText('API key') as HTMLInputElement
    expect(secret.type).toBe('password')
    expect(secret.autocomplete).toBe('off')
    expect(document.activeElement).toBe(secret)
    expect(within(dialog).getByLabelText('Label')).toBeTruthy()
  })

  it('stores an accepted key, closes, and lists it', async () => {
    const { dialog, user, fake } = await openDialog()
    await user.type(within(dialog).getByLabelText('API key'), 'sk-or-v1-0123456789abcdef0123')
    await user.type(within(dialog).getByLabelText('Label'), 'Work laptop')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))
    expect(fake.callsTo('keys:add')).toEqual([['sk-or-v1-0123456789abcdef0123', 'Work laptop']])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByRole('listitem', { name: 'Work laptop' })).toBeTruthy()
  })

  it('keeps the dialog open with OpenRouter’s refusal, and keeps the pasted key so it can be corrected', async () => {
    const { dialog, user, fake } = await openDialog()
    const secret = within(dialog).getByLabelText('API key') as HTMLInputElement
    await user.type(secret, 'sk-or-v1-rejected-0000000000000000')
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('OpenRouter rejected this key, so it was not stored.')
    expect(alert.textContent).toContain('Check that you copied the whole key')
    expect(screen.getByRole('dialog', { name: 'Add an existing key' })).toBe(dialog)
    expect(secret.value).toBe('sk-or-v1-rejected-0000000000000000')
    expect(secret.type).toBe('password')
    // Show / hide, to check what was pasted.
    await user.click(within(dialog).getByRole('button', { name: 'Show key' }))
    expect(secret.type).toBe('text')
    expect(within(dialog).getByRole('button', { name: 'Show key' }).getAttribute('aria-pressed')).toBe('true')
    await user.click(within(dialog).getByRole('button', { name: 'Show key' }))
    expect(secret.type).toBe('password')
    expect(fake.view().keys).toHaveLength(0)
  })

  it('says "Already stored as …" for a key that is already stored, instead of adding it', async () => {
    const secret = 'sk-or-v1-0123456789abcdef0123'
    const rendered = await renderApp({ keys: [makeKey({ id: await keyIdOf(secret), label: 'Work laptop' })] })
    await rendered.user.click(screen.getAllByRole('button', { name: 'Add key' })[0]!)
    const dialog = screen.getByRole('dialog', { name: 'Add an existing key' })
    await rendered.user.type(within(dialog).getByLabelText('API key'), `  ${secret} `)
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Add key' }))
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Already stored as “Work laptop”.')
    expect(rendered.fake.callsTo('keys:add')).toEqual([])
    expect(screen.queryByText(/Added/)).toBeNull()
  })

  it('computes key ids the way main does (SHA-256, lowercase hex)', async () => {
    expect(await keyIdOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('asks for a key before calling main', async () => {
    const { dialog, user, fake } = await openDialog()
    await user.click(within(dialog).getByRole('button', { name: 'Add key' }))
    expect(within(dialog).getByRole('alert').textContent).toContain('Paste the API key first.')
    expect(fake.callsTo('keys:add')).toEqual([])
  })
})
