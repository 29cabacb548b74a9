// Account mode's part of `npm run bench`: the account listing of 1,000 keys (10 full pages and an empty one at 50 ms
// latency) fetched and matched to the stored keys, against 11 sequential round trips, the least any paged listing
// can take.
import { performance } from 'node:perf_hooks'
import type { AppServices } from '../main/core/app/app-services'
import type { OpenRouterDouble } from '../test/openrouter-double'
import { purgeKeychainService, uniqueKeychainService } from '../test/support/keychain'
import { makeTempDir } from '../test/support/temp-dir'

export interface BenchAccountDeps {
  servicesFor(double: OpenRouterDouble, service: string, dataDir: string): Promise<AppServices>
  row(name: string, samples: number[], note?: string): number
  rows: Pick<string[][], 'push'>
  latencyMs: number
}

export const ACCOUNT_KEYS = 1000
const STORED = 20
const RUNS = 5

export async function benchAccountListing(double: OpenRouterDouble, deps: BenchAccountDeps): Promise<void> {
  double.setLatency(0)
  const secrets = double.seedAccountKeys({ count: ACCOUNT_KEYS, init: (index) => ({ name: `Account key ${index + 1}`, limit: 10, usage: index % 10 }) })
  const service = uniqueKeychainService('orkm-bench')
  const data = await makeTempDir('orkm-bench-')
  const services = await deps.servicesFor(double, service, data.path)
  try {
    await services.keys.whenReconciled()
    // Some of the account's keys are on this device, so matching has work to do.
    for (const secret of secrets.slice(0, STORED)) await services.keys.saveKey(secret, { userId: null })
    const added = await services.dispatch('keys:add', [double.createManagementKey(), ''])
    if (!added.ok) throw new Error(`management key refused: ${added.error.message}`)
    await services.account.refresh()
    double.setLatency(deps.latencyMs)
    const samples: number[] = []
    let matched = 0
    let listed = 0
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now()
      const view = await services.account.refresh()
      samples.push(performance.now() - start)
      listed = view.keys.length
      matched = view.keys.filter((key) => key.deviceKeyId !== null).length
    }
    const ideal = 11 * deps.latencyMs
    const median = deps.row(
      `account: ${ACCOUNT_KEYS} keys listed + matched (${deps.latencyMs} ms latency)`,
      samples,
      `ideal ${ideal} ms (11 round trips); ${listed} listed, ${matched}/${STORED} on this device`,
    )
    deps.rows.push(['  ratio to ideal', `${(median / ideal).toFixed(2)}x`, '', 'target ≤ 1.3x'])
  } finally {
    double.setLatency(0)
    await services.shutdown()
    await purgeKeychainService(service)
    await data.remove()
  }
}
