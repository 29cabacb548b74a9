// Test keychain hygiene: each test uses its own service name and removes every item under it afterwards,
// so a developer's real keyring is never touched beyond these throw-away names.
import { randomBytes } from 'node:crypto'
import keytar from 'keytar'

export function uniqueKeychainService(prefix = 'orkm-test'): string {
  return `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`
}

export async function keychainItems(service: string): Promise<Array<{ account: string; password: string }>> {
  return keytar.findCredentials(service)
}

export async function purgeKeychainService(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
}

export { keytar }
