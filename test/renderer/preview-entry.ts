// Bundled into the preview page (by preview.ts) in place of the preload: `window.orkm` is the fake,
// filled according to `window.__orkmScenario`.
import type { ConnectState } from '../../preload/contract'
import { accountOptions, createFakeAccount } from './account/preview-account'
import { createFakeOrkm, makeFigures, makeKey, manyKeys, sampleKeys, type FakeOrkmOptions } from './fake-orkm'

interface PreviewWindow {
  __orkmScenario?: string
  __orkmFake?: ReturnType<typeof createFakeOrkm>
  orkm?: unknown
}

const previewWindow = window as unknown as PreviewWindow
const scenario = previewWindow.__orkmScenario ?? 'sample'
const now = Date.now()

const awaiting: ConnectState = {
  phase: 'awaiting-browser',
  flowId: 'preview',
  authUrl:
    'https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A49152%2Fcallback%2FAbCdEfGhIjKlMnOpQrStUvWxYz012345&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&limit=10',
  callbackPort: 49152,
  portNotice: 'Another program is using port 3000, so this sign-in listens on port 49152 instead.',
  deadline: new Date(now + 4 * 60 * 1000 + 32 * 1000).toISOString(),
}

const options: Record<string, FakeOrkmOptions> = {
  sample: { keys: sampleKeys(now), notices: [] },
  empty: { keys: [] },
  loading: { keys: sampleKeys(now) },
  awaiting: { keys: sampleKeys(now).slice(0, 2), connect: awaiting },
  'awaiting-empty': { keys: [], connect: awaiting },
  unsaved: {
    keys: sampleKeys(now).slice(0, 1),
    connect: {
      phase: 'failed',
      flowId: 'preview',
      error: { code: 'keychain-locked', message: 'Your keychain is locked, so the key could not be saved.', hint: 'Unlock it (log in to your desktop keyring), then choose Save again.' },
      unsavedKey: { maskedKey: 'sk-or-v1-…9f2e' },
    },
    notices: ['The key list file was unreadable and has been set aside as keys.json.corrupt-1764158400000; keys found in your keychain are listed again.'],
  },
  // A new key stored in the keychain whose key list file write then failed (KeyService.saveKey).
  'file-unwritten': {
    keys: sampleKeys(now).slice(0, 2),
    notices: ['The key list file could not be written (ENOSPC). Your new key is safe in your keychain and stays listed; the file is written again at the next change.'],
  },
  many: { keys: manyKeys(500) },
  huge: {
    keys: [
      makeKey({
        label: 'Production inference fleet for the customer support assistant',
        figures: makeFigures({ limit: 250_000, limitRemaining: 126_543.21, limitReset: 'monthly', usage: 123_456.79, usageDaily: 4_321.09, usageWeekly: 28_765.43, usageMonthly: 123_456.79, remoteLabel: 'sk-or-v1-9f2...7c1d' }),
      }),
      ...sampleKeys(now).slice(0, 2),
    ],
  },
  connected: {
    keys: sampleKeys(now).slice(0, 2),
    connect: { phase: 'connected', flowId: 'preview', keyId: sampleKeys(now)[0]!.id, label: 'Personal laptop', account: 'user_2dHFtVWx2n56w6HkM0000000000', accountMismatch: false },
  },
}

const fake = createFakeOrkm({ latencyMs: scenario === 'many' ? 0 : 40, ...(options[scenario] ?? options['sample']) })
if (scenario === 'loading') fake.hold('keys:list')
previewWindow.__orkmFake = fake
// Account mode: a fake management side (scenarios named account-… choose its state).
const account = createFakeAccount(accountOptions(scenario))
Object.defineProperty(window, 'orkm', { value: Object.freeze({ ...fake.api, account: account.api }), writable: false, configurable: false })
