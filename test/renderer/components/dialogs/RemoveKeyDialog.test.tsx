import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeKey } from '../../fake-orkm'
import { renderApp } from '../../render-app'

afterEach(cleanup)

const keys = () => [makeKey({ label: 'Laptop', isDefault: true }), makeKey({ label: 'CI runner' })]
const card = (label: string) => within(screen.getByRole('list', { name: 'Stored keys' })).getByRole('listitem', { name: label })

describe('Remove key dialog', () => {
  it('says plainly that the key stays active on OpenRouter', async () => {
    const { user } = await renderApp({ keys: keys() })
    await user.click(within(card('CI runner')).getByRole('button', { name: 'Remove CI runner' }))
    const dialog = screen.getByRole('dialog', { name: 'Remove key from this device?' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(dialog.textContent).toContain('The key stays active on OpenRouter and can still spend credit until you revoke it there.')
    expect(dialog.textContent).toContain('CI runner')
    // The name to look for on openrouter.ai.
    expect(dialog.textContent).toContain('There it is listed as sk-or-v1-abc...c96a.')
  })

  it('removes the key from this device on confirmation', async () => {
    const { user, fake } = await renderApp({ keys: keys() })
    const target = keys()[1]!
    await user.click(within(card('CI runner')).getByRole('button', { name: 'Remove CI runner' }))
    await user.click(screen.getByRole('button', { name: 'Remove from this device' }))
    expect(fake.callsTo('keys:remove')).toEqual([[target.id]])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(within(screen.getByRole('list', { name: 'Stored keys' })).queryByRole('listitem', { name: 'CI runner' })).toBeNull()
    expect(await screen.findByText(/Removed “CI runner” from this device/)).toBeTruthy()
  })

  it('does nothing on Cancel, and gives focus back to the Remove button', async () => {
    const { user, fake } = await renderApp({ keys: keys() })
    const removeButton = within(card('CI runner')).getByRole('button', { name: 'Remove CI runner' })
    await user.click(removeButton)
    // The safe choice has focus first.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('keys:remove')).toEqual([])
    expect(card('CI runner')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(removeButton))
  })

  it('closes with Escape without removing anything', async () => {
    const { user, fake } = await renderApp({ keys: keys() })
    await user.click(within(card('Laptop')).getByRole('button', { name: 'Remove Laptop' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.callsTo('keys:remove')).toEqual([])
  })

  it('keeps Tab inside the dialog', async () => {
    const { user } = await renderApp({ keys: keys() })
    await user.click(within(card('Laptop')).getByRole('button', { name: 'Remove Laptop' }))
    const dialog = screen.getByRole('dialog')
    for (let step = 0; step < 8; step += 1) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
    await user.tab({ shift: true })
    expect(dialog.contains(document.activeElement)).toBe(true)
  })

  it('hides the rest of the window from assistive technology while open', async () => {
    const { user } = await renderApp({ keys: keys() })
    await user.click(within(card('Laptop')).getByRole('button', { name: 'Remove Laptop' }))
    expect(screen.queryByRole('button', { name: 'Refresh all' })).toBeNull()
    expect(screen.getByRole('banner', { hidden: true }).closest('[inert]')).not.toBeNull()
  })

  it('opens OpenRouter’s page for the key to revoke it, and stays open', async () => {
    const { user, fake } = await renderApp({ keys: keys() })
    await user.click(within(card('Laptop')).getByRole('button', { name: 'Remove Laptop' }))
    await user.click(screen.getByRole('button', { name: 'Revoke on OpenRouter' }))
    expect(fake.callsTo('keys:open-revoke-page')).toEqual([[keys()[0]!.id]])
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('shows why a removal failed, and keeps the key', async () => {
    const { user, fake } = await renderApp({ keys: keys() })
    fake.respond('keys:remove', () => ({ ok: false, error: { code: 'keychain-locked', message: 'Your keychain is locked.', hint: 'Unlock it and try again.' } }))
    await user.click(within(card('Laptop')).getByRole('button', { name: 'Remove Laptop' }))
    await user.click(screen.getByRole('button', { name: 'Remove from this device' }))
    const alert = await within(screen.getByRole('dialog')).findByRole('alert')
    expect(alert.textContent).toContain('Your keychain is locked.')
    expect(alert.textContent).toContain('Unlock it and try again.')
  })
})
