import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { UpdateBanner } from '../../../renderer/src/components/UpdateBanner'
import { createFakeOrkm, fail, ok } from '../fake-orkm'

afterEach(cleanup)

describe('UpdateBanner', () => {
  it('shows nothing until an update is ready, then offers the restart', async () => {
    const fake = createFakeOrkm()
    render(<UpdateBanner api={fake.api} />)
    await waitFor(() => expect(fake.callsTo('update:state')).toHaveLength(1))
    expect(screen.queryByRole('region', { name: 'Update' })).toBeNull()
    act(() => fake.emit('update:changed', { kind: 'ready', version: '1.2.0' }))
    expect(screen.getByRole('region', { name: 'Update' }).textContent).toContain('Update ready — restart to install (version 1.2.0).')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Restart now' }))
    expect(fake.callsTo('update:restart')).toEqual([[]])
  })

  it('shows a status main already had at start-up', async () => {
    const fake = createFakeOrkm()
    fake.respond('update:state', () => ok({ kind: 'ready', version: '2.0.0' }))
    render(<UpdateBanner api={fake.api} />)
    expect((await screen.findByText(/Update ready — restart to install/)).textContent).toContain('version 2.0.0')
  })

  it('says why main refused to restart (a key is not saved yet), and keeps the offer', async () => {
    const fake = createFakeOrkm()
    fake.respond('update:restart', () => fail({ code: 'busy', message: 'The app cannot restart right now.', hint: 'A new key is not saved yet: save it again or copy it first.' }))
    render(<UpdateBanner api={fake.api} />)
    act(() => fake.emit('update:changed', { kind: 'ready', version: '1.2.0' }))
    await userEvent.setup().click(screen.getByRole('button', { name: 'Restart now' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The app cannot restart right now. A new key is not saved yet')
    expect(screen.getAllByRole('button', { name: 'Restart now' })).toHaveLength(1)
  })

  it('where the build only announces (the deb), links to the download page through main', async () => {
    const fake = createFakeOrkm()
    render(<UpdateBanner api={fake.api} />)
    act(() => fake.emit('update:changed', { kind: 'available', version: '1.3.0', releaseUrl: 'https://github.com/o/r/releases/tag/v1.3.0' }))
    expect(screen.getByRole('region', { name: 'Update' }).textContent).toContain('Version 1.3.0 is available.')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download page' }))
    expect(fake.callsTo('update:open-release-page')).toEqual([[]])
  })
})
