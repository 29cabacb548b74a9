// `npm run bench` part "account-view": the account view with 1,000 account keys in real Chromium (the harness's
// browser backend on the real services, the double on loopback): from a click on the Account tab until the
// first row takes focus (interactive) and until every row is in the page; and the account chart's render time.
import { launchBrowserHarness } from '../test/harness/browser-backend'
import type { OpenRouterDouble } from '../test/openrouter-double'
import { purgeKeychainService, uniqueKeychainService } from '../test/support/keychain'
import { makeTempDir } from '../test/support/temp-dir'

type Services = { account: { setManagementKey(secret: string): Promise<unknown> }; shutdown(): Promise<void> }

export async function benchAccountView(
  double: OpenRouterDouble,
  servicesFor: (double: OpenRouterDouble, service: string, dataDir: string) => Promise<Services>,
  row: (name: string, samples: number[], note?: string) => number,
): Promise<void> {
  double.setLatency(0)
  const service = uniqueKeychainService('orkm-bench-account')
  const data = await makeTempDir('orkm-bench-account-')
  const owner = 'user_bench_account'
  double.seedAccountKeys({ count: 1000, init: (index) => ({ userId: owner, name: `Account key ${index + 1}`, limit: 20, usageMonthly: index % 50 }) })
  const dates = double.activityDates()
  const seeding = await servicesFor(double, service, data.path)
  await seeding.account.setManagementKey(double.createManagementKey({ userId: owner }))
  await seeding.shutdown()
  const interactive: number[] = []
  const complete: number[] = []
  const chart: number[] = []
  for (let run = 0; run < 5; run += 1) {
    const harness = await launchBrowserHarness({
      env: { OPENROUTER_BASE_URL: double.apiBaseUrl, ORKM_KEYCHAIN_SERVICE: service, ORKM_DATA_DIR: data.path, ORKM_CALLBACK_PORT: '0' },
    })
    await harness.app.getByRole('tab', { name: 'Account' }).waitFor()
    // Timed inside the page, so Playwright's round trips are not counted.
    // A string, so no bundler helper (tsx's __name) leaks into the page.
    const timing = (await harness.app.evaluate(`(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      const start = performance.now()
      document.querySelector('#tab-account').click()
      const grid = () => document.querySelector('[role="grid"][aria-label="Keys on your account"]')
      while (!grid()?.querySelector('[data-row-index="0"]')) await frame()
      grid().querySelector('[data-row-index="0"]').focus()
      await frame()
      const ready = performance.now() - start
      while (!document.querySelector('[data-testid="account-chart"] svg, [data-testid="account-chart"] .help')) await frame()
      const chartShown = performance.now() - start
      while ((grid()?.querySelectorAll('[data-row-index]').length ?? 0) < 1000) await frame()
      return { ready, all: performance.now() - start, chartShown }
    })()`)) as { ready: number; all: number; chartShown: number }
    interactive.push(timing.ready)
    complete.push(timing.all)
    chart.push(timing.chartShown)
    await harness.close()
  }
  row('account view, 1,000 keys: interactive (from tab click)', interactive, `target < 500 ms; ${dates.length} activity days`)
  row('account view, 1,000 keys: every row in the page', complete, 'progressive render')
  row('account chart shown (from tab click, incl. IPC)', chart, 'hand-written SVG, lazy chunk')
  await purgeKeychainService(service)
  await data.remove()
}
