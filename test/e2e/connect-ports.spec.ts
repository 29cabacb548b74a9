// Port 3000 held by another program: detected before the browser opens; the flow completes on another port.
import type { Server } from 'node:net'
import { freePort, holdPort } from '../support/http'
import { expect, test } from './fixtures'
import { CONNECTED_TEXT, connectionStatus, keyCard, shownCallbackUrl, startConnect } from './steps'

test('port taken: the person is told, and the flow completes on a fallback port', async ({ launch }) => {
  const preferred = await freePort()
  let blocker: Server | null = null
  try {
    blocker = await holdPort(preferred, '127.0.0.1', true) // a program that even answers HTTP
    const harness = await launch({ ORKM_CALLBACK_PORT: String(preferred) })
    const consent = await startConnect(harness)
    await expect(harness.app.getByTestId('port-notice')).toContainText(`port ${preferred}`)
    const callback = await shownCallbackUrl(harness.app)
    expect(Number(callback.port)).not.toBe(preferred)
    await consent.getByRole('button', { name: 'Authorize' }).click()
    await expect(connectionStatus(harness.app)).toHaveText(CONNECTED_TEXT)
    await expect(keyCard(harness.app, 'OpenRouter key 1')).toBeVisible()
  } finally {
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()))
  }
})
