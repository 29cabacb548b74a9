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

export async function startConnect(harness: Harness, options: { limit?: number } = {}): Promise<Page> {
  const { app } = harness
  if (options.limit !== undefined) await app.getByLabel('Credit limit (USD, optional)').fill(String(options.limit))
  await app.getByRole('button', { name: 'Connect OpenRouter' }).first().click()
  await expect(connectionStatus(app)).toHaveText('Waiting for you to approve in your browser…')
  return harness.waitForAuthorizationPage()
}

/** Connect → Authorize on the consent page → connected. */
export async function connectAccount(harness: Harness, options: { limit?: number } = {}): Promise<void> {
  const consent = await startConnect(harness, options)
  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(consent.getByText('Connected — you can close this tab')).toBeVisible()
  await expect(connectionStatus(harness.app)).toHaveText('Connected — the key is saved in your keychain.')
}

/** The callback URL the app is listening on, read from the consent link the app shows. */
export async function shownCallbackUrl(app: Page): Promise<URL> {
  const authUrl = new URL((await app.getByTestId('auth-url').textContent()) ?? '')
  return new URL(authUrl.searchParams.get('callback_url') ?? '')
}
