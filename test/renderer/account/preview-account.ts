// The fake account side for preview scenarios named account-…: bundled into the preview page.
import { NOW, fakeKeyId } from '../fake-orkm'
import { createFakeAccount, manyAccountKeys, sampleAccountKeys, type FakeAccountOptions } from '../fake-account'

export { createFakeAccount }

export function accountOptions(scenario: string): FakeAccountOptions {
  switch (scenario) {
    case 'account-none':
      return { managementKey: null }
    case 'account-many':
      return { keys: manyAccountKeys(1000) }
    case 'account-workspaces':
      return {
        workspaces: [
          { id: 'ws-default', name: 'Default' },
          { id: 'ws-research', name: 'Research' },
        ],
        keys: sampleAccountKeys().map((key, index) => ({ ...key, workspaceId: index % 2 ? 'ws-research' : 'ws-default', workspaceName: index % 2 ? 'Research' : 'Default' })),
      }
    case 'account-attention':
      return {
        view: {
          complete: false,
          listingProblem: { code: 'rate-limited' as never, message: 'OpenRouter is rate limiting the listing; page 3 of workspace “Research” could not be read.', hint: 'It is tried again at 10:42.' },
          revokedStillStored: [fakeKeyId('Revoked on the website')],
          pendingRotations: [{ oldHash: fakeKeyId('account:Website chatbot'), oldName: 'Website chatbot', newKeyId: fakeKeyId('Personal laptop'), startedAt: new Date(NOW).toISOString() }],
        },
      }
    default:
      return {}
  }
}
