// The local spend history: exact day totals from usage − usage_daily, gaps where it cannot tell, capped, durable.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../main/core/base/logger'
import { systemClock } from '../../../main/core/base/ports'
import { HISTORY_FILE_NAME, MAX_DAYS_PER_KEY, MAX_KEYS, SpendHistory } from '../../../main/core/history/spend-history'
import { makeTempDir } from '../../support/temp-dir'

const KEY = 'a'.repeat(64)
const at = (iso: string) => Date.parse(iso)
let dir: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  dir = await makeTempDir('orkm-history-')
})
afterEach(async () => {
  await dir.remove()
})
const open = () => SpendHistory.open(dir.path, { clock: systemClock, logger: silentLogger })

describe('SpendHistory', () => {
  it("a day's spend is the next day's start minus its own; a day without both is a gap, not $0", async () => {
    const history = await open()
    history.record(KEY, { usage: 10, usageDaily: 1 }, at('2025-12-01T08:00:00Z')) // 1 Dec began at $9
    history.record(KEY, { usage: 12, usageDaily: 2.5 }, at('2025-12-01T20:00:00Z')) // 12 − 2.5: 1 Dec began at $9.50 (the later reading wins)
    history.record(KEY, { usage: 13, usageDaily: 0.5 }, at('2025-12-02T09:00:00Z')) // 2 Dec began at $12.50
    history.record(KEY, { usage: 20, usageDaily: 1 }, at('2025-12-04T09:00:00Z')) // 4 Dec began at $19
    expect(history.dailySpend(KEY, ['2025-12-01', '2025-12-02', '2025-12-03', '2025-12-04'])).toEqual([3, null, null, null])
    expect(history.dailySpend('b'.repeat(64), ['2025-12-01'])).toEqual([null])
  })

  it('survives a restart, and a damaged file is set aside without stopping anything', async () => {
    const history = await open()
    history.record(KEY, { usage: 1, usageDaily: 0 }, at('2025-12-01T08:00:00Z'))
    history.record(KEY, { usage: 3, usageDaily: 0 }, at('2025-12-02T08:00:00Z'))
    await history.flush()
    expect((await open()).dailySpend(KEY, ['2025-12-01'])).toEqual([2])

    await writeFile(join(dir.path, HISTORY_FILE_NAME), '{"version":1,"keys":{"', 'utf8')
    const recovered = await open()
    expect(recovered.notices).toEqual([expect.stringMatching(/damaged; it was kept as .*unreadable/)])
    expect(recovered.dailySpend(KEY, ['2025-12-01'])).toEqual([null])
    // Valid JSON of the wrong shape is set aside the same way.
    await writeFile(join(dir.path, HISTORY_FILE_NAME), JSON.stringify({ version: 1, keys: { [KEY]: [{ day: 'yesterday', start: -1 }] } }), 'utf8')
    const reshaped = await open()
    expect(reshaped.notices).toEqual([expect.stringMatching(/damaged/)])
    recovered.record(KEY, { usage: 1, usageDaily: 0 }, at('2025-12-05T08:00:00Z'))
    await recovered.flush()
    expect(JSON.parse(await readFile(join(dir.path, HISTORY_FILE_NAME), 'utf8'))).toMatchObject({ version: 1 })
  })

  it('is capped in days per key and in keys', async () => {
    const history = await open()
    for (let day = 0; day < MAX_DAYS_PER_KEY + 20; day += 1) history.record(KEY, { usage: day, usageDaily: 0 }, at('2025-01-01T00:00:00Z') + day * 86_400_000)
    for (let index = 0; index < MAX_KEYS + 5; index += 1) history.record(index.toString(16).padStart(64, '0'), { usage: 1, usageDaily: 0 }, at('2025-03-01T00:00:00Z'))
    await history.flush()
    const saved = JSON.parse(await readFile(join(dir.path, HISTORY_FILE_NAME), 'utf8')) as { keys: Record<string, unknown[]> }
    expect(Object.keys(saved.keys)).toHaveLength(MAX_KEYS)
    for (const days of Object.values(saved.keys)) expect(days.length).toBeLessThanOrEqual(MAX_DAYS_PER_KEY)
    // The key recorded longest ago is the one dropped.
    expect(saved.keys[KEY]).toBeUndefined()
  })
})
