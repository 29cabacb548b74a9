// Security checklist items that can be exercised from the page: what the renderer can and cannot do.
import { expect, test } from './fixtures'
import { storeKeys } from './seed'
import { keyCard } from './steps'

test('the renderer reaches main only through window.orkm, and bad arguments are refused with a Result', async ({ launch, double, appEnv }) => {
  await storeKeys(appEnv, [{ secret: double.createKey(), label: 'K' }])
  const { app } = await launch()
  await expect(keyCard(app, 'K')).toBeVisible()
  const surface = await app.evaluate(() => ({
    api: Object.keys(window.orkm).sort(),
    frozen: Object.isFrozen(window.orkm),
    node: typeof (window as unknown as { require?: unknown }).require + typeof (window as unknown as { process?: unknown }).process,
  }))
  expect(surface.api).toContain('listKeys')
  expect(surface.api.some((name) => /secret|password|getKey|invoke|send|ipc/i.test(name))).toBe(false)
  expect(surface.frozen).toBe(true)
  expect(surface.node).toBe('undefinedundefined')

  const answers = await app.evaluate(async () => {
    const api = window.orkm as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    return Promise.all([
      api['removeKey']!('../../etc/passwd'),
      api['renameKey']!({ toString: () => 'x' }, 'y'),
      api['copyKey']!('a'.repeat(64), 'to-the-attacker'),
      api['startConnect']!({ limit: -5 }),
      api['updateSettings']!({ lowCreditPercent: 500, extra: true }),
      api['mintKey']!({ sourceKeyId: 'x' }),
    ])
  })
  for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid-argument|not-found/) } })
})

test('no whole key ever crosses into the page, whatever the page asks', async ({ launch, double, appEnv }) => {
  const secret = double.createKey({ limit: 3 })
  await storeKeys(appEnv, [{ secret, label: 'K' }])
  const { app } = await launch()
  await expect(keyCard(app, 'K').getByTestId('key-limit')).toHaveText('$3.00')
  const everything = await app.evaluate(async () => {
    const api = window.orkm
    const list = await api.listKeys()
    const id = list.ok ? list.value.keys[0]!.id : ''
    return JSON.stringify([list, await api.refreshKey(id), await api.refreshAll('manual'), await api.copyKey(id, 'plain'), await api.getConnectState()])
  })
  expect(everything).not.toContain(secret)
  expect(everything).not.toContain(secret.slice(9, 30))
})

test('Electron: the window cannot open new windows or navigate away', async ({ launch, backend }) => {
  test.skip(backend !== 'electron', 'window.open and navigation are denied by Electron handlers: checked on the Electron backend only')
  const { app } = await launch()
  const opened = await app.evaluate(() => window.open('https://example.com') === null)
  expect(opened).toBe(true)
  const before = app.url()
  await app.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await app.waitForTimeout(500)
  expect(app.url()).toBe(before)
})

test('Electron: every permission request and check is denied', async ({ launch, backend }) => {
  test.skip(backend !== 'electron', 'permissions are decided by the Electron session handlers in main/window.ts: checked on the Electron backend only')
  const { app } = await launch()
  const answers = await app.evaluate(async () => ({
    notification: await Notification.requestPermission(),
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    notificationsQuery: (await navigator.permissions.query({ name: 'notifications' })).state,
    microphone: navigator.mediaDevices
      ? await navigator.mediaDevices.getUserMedia({ audio: true }).then(
          () => 'granted',
          (error: Error) => error.name,
        )
      : 'unavailable',
  }))
  expect(answers).toEqual({ notification: 'denied', geolocation: 'denied', notificationsQuery: 'denied', microphone: expect.not.stringMatching(/^granted$/) })
})
