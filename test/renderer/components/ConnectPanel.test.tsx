import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectState, Result } from '../../../preload/contract'
import { ConnectPanel } from '../../../renderer/src/components/ConnectPanel'
import type { ConnectActions } from '../../../renderer/src/hooks/useConnectFlow'
import { ToastContext, type Toaster } from '../../../renderer/src/hooks/useToasts'

afterEach(cleanup)

type Finished = Exclude<ConnectState, { phase: 'idle' }>

const okState = (state: ConnectState) => async (): Promise<Result<ConnectState>> => ({ ok: true, value: state })

function actions(): ConnectActions {
  return {
    start: vi.fn(okState({ phase: 'idle' })),
    cancel: vi.fn(okState({ phase: 'cancelled', flowId: 'f' })),
    openAgain: vi.fn(async () => ({ ok: true as const, value: null })),
    copyLink: vi.fn(async () => ({ ok: true as const, value: null })),
    submitRedirect: vi.fn(okState({ phase: 'exchanging', flowId: 'f' })),
    retrySave: vi.fn(okState({ phase: 'saving', flowId: 'f' })),
    copyUnsavedKey: vi.fn(async () => ({ ok: true as const, value: { clearsAfterSeconds: 30 } })),
    dismiss: vi.fn(okState({ phase: 'idle' })),
  }
}

function renderPanel(state: Finished, panelActions = actions(), onTryAgain = vi.fn()) {
  const toaster: Toaster = { notify: vi.fn(), error: vi.fn(), resolved: vi.fn() }
  render(
    <ToastContext value={toaster}>
      <ConnectPanel state={state} account={null} actions={panelActions} onTryAgain={onTryAgain} />
    </ToastContext>,
  )
  const region = screen.getByRole('region', { name: 'Connection' })
  return { region, panelActions, onTryAgain, toaster, status: within(region).getByTestId('connect-status') }
}

const awaiting: Finished = {
  phase: 'awaiting-browser',
  flowId: 'f',
  authUrl: 'https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback%2Fabc&code_challenge=xyz&code_challenge_method=S256',
  callbackPort: 3000,
  portNotice: null,
  deadline: new Date(Date.now() + 4 * 60 * 1000 + 32 * 1000).toISOString(),
}

const buttonNames = (region: HTMLElement) => within(region).queryAllByRole('button').map((button) => button.textContent?.trim())

describe('ConnectPanel: what each phase says', () => {
  const cases: Array<[Finished, string]> = [
    [awaiting, 'Waiting for you to approve in your browser…'],
    [{ phase: 'exchanging', flowId: 'f' }, 'Exchanging the authorization code…'],
    [{ phase: 'saving', flowId: 'f' }, 'Saving the key to your keychain…'],
    [{ phase: 'connected', flowId: 'f', keyId: 'k', label: 'OpenRouter key 1', account: 'user_1', accountMismatch: false }, 'Connected — the key is saved in your keychain.'],
    [{ phase: 'failed', flowId: 'f', error: { code: 'code-rejected', message: 'OpenRouter refused the authorization code.' }, unsavedKey: null }, 'OpenRouter refused the authorization code.'],
    [{ phase: 'cancelled', flowId: 'f' }, 'Connection cancelled. Nothing was stored.'],
    [{ phase: 'timed-out', flowId: 'f' }, 'Timed out waiting for the browser. Nothing was stored.'],
  ]
  for (const [state, text] of cases) {
    it(`${state.phase}: "${text}" in a status element`, () => {
      const { status } = renderPanel(state)
      expect(status.getAttribute('role')).toBe('status')
      expect(status.textContent).toBe(text)
    })
  }
})

describe('ConnectPanel: buttons by phase', () => {
  it('while waiting: the link as text, a countdown, Copy link, Open again, Cancel and the paste form', async () => {
    const user = userEvent.setup()
    const { region, panelActions, toaster } = renderPanel(awaiting)
    expect(within(region).getByTestId('auth-url').textContent).toBe(awaiting.authUrl)
    expect(region.textContent).toMatch(/Time left\s*4:3[12]/)
    expect(within(region).queryByTestId('port-notice')).toBeNull()
    expect(buttonNames(region)).toEqual(['Copy link', 'Open again', 'Cancel', 'Submit'])
    await user.click(within(region).getByRole('button', { name: 'Copy link' }))
    expect(panelActions.copyLink).toHaveBeenCalled()
    expect(toaster.notify).toHaveBeenCalledWith('Link copied.')
    await user.click(within(region).getByRole('button', { name: 'Open again' }))
    expect(panelActions.openAgain).toHaveBeenCalled()
    await user.click(within(region).getByRole('button', { name: 'Cancel' }))
    expect(panelActions.cancel).toHaveBeenCalled()
  })

  it('shows the port notice when another port is used', () => {
    const { region } = renderPanel({ ...awaiting, portNotice: 'Another program is using port 3000, so this sign-in listens on port 49152 instead.' })
    expect(within(region).getByTestId('port-notice').textContent).toContain('port 3000')
  })

  it('submits a pasted redirect URL, and refuses an empty one', async () => {
    const user = userEvent.setup()
    const { region, panelActions } = renderPanel(awaiting)
    await user.click(within(region).getByRole('button', { name: 'Submit' }))
    expect(within(region).getByRole('alert').textContent).toMatch(/Paste the address/)
    expect(panelActions.submitRedirect).not.toHaveBeenCalled()
    await user.type(within(region).getByLabelText('Redirect URL or code'), 'http://localhost:3000/callback/abc?code=123')
    await user.click(within(region).getByRole('button', { name: 'Submit' }))
    expect(panelActions.submitRedirect).toHaveBeenCalledWith('http://localhost:3000/callback/abc?code=123')
  })

  it('shows main’s refusal of a pasted code', async () => {
    const user = userEvent.setup()
    const panelActions = actions()
    panelActions.submitRedirect = vi.fn(async () => ({ ok: false as const, error: { code: 'invalid-argument' as const, message: 'That is not a redirect URL or an authorization code.' } }))
    const { region } = renderPanel(awaiting, panelActions)
    await user.type(within(region).getByLabelText('Redirect URL or code'), 'nonsense')
    await user.click(within(region).getByRole('button', { name: 'Submit' }))
    expect((await within(region).findByRole('alert')).textContent).toBe('That is not a redirect URL or an authorization code.')
  })

  it('while exchanging or saving: no buttons, nothing to do but wait', () => {
    expect(buttonNames(renderPanel({ phase: 'exchanging', flowId: 'f' }).region)).toEqual([])
    cleanup()
    expect(buttonNames(renderPanel({ phase: 'saving', flowId: 'f' }).region)).toEqual([])
  })

  it('connected: Dismiss only', async () => {
    const user = userEvent.setup()
    const { region, panelActions } = renderPanel({ phase: 'connected', flowId: 'f', keyId: 'k', label: 'OpenRouter key 1', account: 'user_1', accountMismatch: false })
    expect(buttonNames(region)).toEqual(['Dismiss'])
    await user.click(within(region).getByRole('button', { name: 'Dismiss' }))
    expect(panelActions.dismiss).toHaveBeenCalled()
  })

  for (const state of [
    { phase: 'failed', flowId: 'f', error: { code: 'forbidden', message: 'You declined the authorization.', hint: 'Connect again when you are ready.' }, unsavedKey: null },
    { phase: 'cancelled', flowId: 'f' },
    { phase: 'timed-out', flowId: 'f' },
  ] as Finished[]) {
    it(`${state.phase}: Try again and Dismiss`, async () => {
      const user = userEvent.setup()
      const { region, onTryAgain } = renderPanel(state)
      expect(buttonNames(region)).toEqual(['Try again', 'Dismiss'])
      await user.click(within(region).getByRole('button', { name: 'Try again' }))
      expect(onTryAgain).toHaveBeenCalled()
    })
  }

  it('failed: the hint is shown below the message, outside the status line', () => {
    const { region, status } = renderPanel({ phase: 'failed', flowId: 'f', error: { code: 'forbidden', message: 'You declined the authorization.', hint: 'Connect again when you are ready.' }, unsavedKey: null })
    expect(status.textContent).toBe('You declined the authorization.')
    expect(within(region).getByTestId('connect-hint').textContent).toBe('Connect again when you are ready.')
  })
})

describe('ConnectPanel: a key that could not be saved', () => {
  const unsaved: Finished = {
    phase: 'failed',
    flowId: 'f',
    error: { code: 'keychain-locked', message: 'Your keychain is locked, so the key could not be saved.', hint: 'Unlock it, then choose Save again.' },
    unsavedKey: { maskedKey: 'sk-or-v1-…9f2e' },
  }

  it('says the key is held in memory only and offers Save again and Copy key', async () => {
    const user = userEvent.setup()
    const { region, panelActions, toaster } = renderPanel(unsaved)
    const notice = within(region).getByTestId('unsaved-key')
    expect(notice.textContent).toContain('sk-or-v1-…9f2e')
    expect(notice.textContent).toContain('held in memory only')
    expect(buttonNames(region)).toEqual(['Save again', 'Copy key', 'Try again', 'Dismiss'])
    await user.click(within(region).getByRole('button', { name: 'Save again' }))
    expect(panelActions.retrySave).toHaveBeenCalled()
    await user.click(within(region).getByRole('button', { name: 'Copy key' }))
    expect(panelActions.copyUnsavedKey).toHaveBeenCalled()
    expect(toaster.notify).toHaveBeenCalledWith('Copied. The clipboard will be cleared in 30 seconds.')
  })

  it('shows main’s answer when Dismiss is refused because the key exists nowhere else', async () => {
    const user = userEvent.setup()
    const panelActions = actions()
    const refusal = { code: 'busy' as const, message: 'This key is not saved anywhere yet.', hint: 'Save it again, or copy it, before dismissing.' }
    panelActions.dismiss = vi.fn(async () => ({ ok: false as const, error: refusal }))
    const { region, toaster } = renderPanel(unsaved, panelActions)
    await user.click(within(region).getByRole('button', { name: 'Dismiss' }))
    expect(toaster.error).toHaveBeenCalledWith(refusal)
  })
})
