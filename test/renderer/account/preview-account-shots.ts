// Account mode's states for the preview script (test/renderer/preview.ts): each opens the Account tab first.
import type { Page } from 'playwright-core'

const openAccount = async (page: Page) => {
  await page.getByRole('tab', { name: 'Account' }).click()
}

export const ACCOUNT_SHOTS: Array<{ name: string; scenario: string; step?: (page: Page) => Promise<void>; fullPage?: boolean }> = [
  {
    name: 'account',
    scenario: 'account',
    fullPage: true,
    step: async (page) => {
      await openAccount(page)
      await page.getByTestId('account-chart').waitFor()
    },
  },
  {
    name: 'account-details',
    scenario: 'account',
    fullPage: true,
    step: async (page) => {
      await openAccount(page)
      await page.getByRole('button', { name: 'Details of Website chatbot' }).click()
      await page.getByTestId('spend-sparkline').waitFor()
    },
  },
  { name: 'account-none', scenario: 'account-none', step: openAccount },
  { name: 'account-attention', scenario: 'account-attention', fullPage: true, step: openAccount },
  {
    name: 'account-revoke',
    scenario: 'account',
    step: async (page) => {
      await openAccount(page)
      await page.getByRole('button', { name: 'Revoke Website chatbot' }).click()
      await page.getByLabel(/Type .* to confirm/).fill('Website')
    },
  },
  {
    name: 'account-create',
    scenario: 'account',
    step: async (page) => {
      await openAccount(page)
      await page.getByRole('button', { name: 'Create key' }).click()
      await page.getByLabel('Credit limit (USD)').fill('0')
      await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click()
    },
  },
  {
    name: 'account-management-key',
    scenario: 'account-none',
    step: async (page) => {
      await page.getByRole('button', { name: 'Add management key…' }).first().click()
      await page.getByRole('textbox', { name: 'Management key' }).fill('sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000')
      await page.getByRole('dialog').getByRole('button', { name: 'Add management key' }).click()
      await page.getByRole('alert').waitFor()
    },
  },
]
