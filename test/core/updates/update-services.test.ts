// The composition root's wiring of updates: the IPC channels, the setting, and the work that blocks a restart,
// taken from the real connect flow (the policy itself is tested in update-controller.test.ts).
import { afterEach, describe, expect, it } from 'vitest'
import type { UpdaterPort } from '../../../main/core/updates/update-controller'
import { startTestServices, type TestServices } from '../../support/core-services'

describe('updates in the app services', () => {
  let app: TestServices | null = null
  afterEach(async () => {
    await app?.dispose()
    app = null
  })

  async function start() {
    let installs = 0
    let checks = 0
    const updater: UpdaterPort = {
      check: async () => {
        checks += 1
        return { newerVersion: '9.9.9' }
      },
      quitAndInstall: () => void (installs += 1),
    }
    app = await startTestServices({ apiBaseUrl: 'http://127.0.0.1:9/api/v1', updates: { updater, mode: { kind: 'install' } } })
    const events: unknown[] = []
    app.services.onEvent((channel, payload) => {
      if (channel === 'update:changed') events.push(payload)
    })
    return { services: app.services, installs: () => installs, checks: () => checks, events }
  }

  it('the setting is on by default, can be turned off over IPC, and is validated', async () => {
    const { services } = await start()
    expect(services.keys.list().settings.autoUpdate).toBe(true)
    expect(await services.dispatch('settings:update', [{ autoUpdate: false }])).toMatchObject({ ok: true, value: { settings: { autoUpdate: false } } })
    expect(await services.dispatch('settings:update', [{ autoUpdate: 'yes' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('update:state and update:changed report "ready"; update:restart installs only with no connect running', async () => {
    const { services, installs, events } = await start()
    expect(await services.dispatch('update:state', [])).toEqual({ ok: true, value: { kind: 'none' } })
    expect(await services.dispatch('update:restart', [])).toMatchObject({ ok: false, error: { code: 'no-flow' } })
    services.updates.downloaded('9.9.9')
    expect(events).toEqual([{ kind: 'ready', version: '9.9.9' }])
    expect(await services.dispatch('update:state', [])).toEqual({ ok: true, value: { kind: 'ready', version: '9.9.9' } })

    expect(await services.dispatch('connect:start', [{}])).toMatchObject({ ok: true, value: { phase: 'awaiting-browser' } })
    expect(await services.dispatch('update:restart', [])).toMatchObject({ ok: false, error: { code: 'busy', hint: expect.stringMatching(/connection is in progress/) } })
    expect(installs()).toBe(0)
    await services.dispatch('connect:cancel', [])
    expect(await services.dispatch('update:restart', [])).toEqual({ ok: true, value: null })
    expect(installs()).toBe(1)
  })

  it('turning the setting on checks without waiting hours', async () => {
    const { services, checks } = await start()
    await services.dispatch('settings:update', [{ autoUpdate: false }])
    services.updates.start() // the shell starts it; with the setting off nothing is checked
    expect(checks()).toBe(0)
    await services.dispatch('settings:update', [{ autoUpdate: true }])
    expect(checks()).toBe(1)
    services.updates.stop()
  })
})
