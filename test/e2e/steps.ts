// Steps a person takes, shared by the specs.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { Harness } from '../harness'

export function connectionStatus(app: Page): Locator {
  return app.getByTestId('connect-status')
}

export function keyCard(app: Page, label: string): Locator {
  return app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem', { name: label })
}

/** What the connection panel says while the browser is out, and once the key is saved. */
export const WAITING_TEXT = 'Approve the new key on OpenRouter’s page in your browser; this window updates by itself.'
export const CONNECTED_TEXT = /^Connected( as .+)?\. The key is saved in your keychain\.$/

/** Connect → the connect form (name, optional limit) → Continue in browser → the consent page. */
export async function startConnect(harness: Harness, options: { limit?: number; name?: string } = {}): Promise<Page> {
  const { app } = harness
  await app.getByRole('button', { name: 'Connect OpenRouter' }).first().click()
  const form = app.getByRole('dialog', { name: 'Connect an OpenRouter account' })
  if (options.name !== undefined) await form.getByLabel('Name of the new key').fill(options.name)
  if (options.limit !== undefined) await form.getByLabel('Credit limit (USD, optional)').fill(String(options.limit))
  await form.getByRole('button', { name: 'Continue in browser' }).click()
  await expect(connectionStatus(app)).toHaveText(WAITING_TEXT)
  return harness.waitForAuthorizationPage()
}

/** Connect → Authorize on the consent page → connected. */
export async function connectAccount(harness: Harness, options: { limit?: number; name?: string } = {}): Promise<void> {
  const consent = await startConnect(harness, options)
  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(consent.getByText('Connected — you can close this tab')).toBeVisible()
  await expect(connectionStatus(harness.app)).toHaveText(CONNECTED_TEXT)
}

/** The callback URL the app is listening on, read from the consent link the app shows. */
export async function shownCallbackUrl(app: Page): Promise<URL> {
  const authUrl = new URL((await app.getByTestId('auth-url').textContent()) ?? '')
  return new URL(authUrl.searchParams.get('callback_url') ?? '')
}
