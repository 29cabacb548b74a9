// What account mode keeps between runs. The management key's secret lives in the OS keychain under its own account
// name (never a key's SHA-256, so the keychain reconciler never lists it as an API key); everything else here is
// non-secret and kept in account.json: the key's mask and label, which matching rule OpenRouter was seen to follow,
// rotations waiting for the person's confirmation, and keys revoked on OpenRouter whose keychain item stayed.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ManagementKeyView, PendingRotation } from '../../../preload/contract'
import type { Logger } from '../base/logger'
import { setAsideUnreadable, writeAtomically } from '../base/atomic-file'
import { cleanLabel } from '../keys/labels'
import type { SecretVault } from '../keys/secret-vault'
import { ManagementKey, revealManagementKey } from '../openrouter/management-key'

/** The keychain account of the management key: not 64 hex characters, so it can never be an API key's id. */
export const MANAGEMENT_KEY_ACCOUNT = 'management-key'
export const ACCOUNT_FILE_NAME = 'account.json'

/** Whether OpenRouter's `hash` was seen to equal the key's SHA-256 (UNCONFIRMED rule): null until a match shows it. */
export type HashRuleSeen = 'sha256' | null

export interface PendingRotationRecord extends PendingRotation {
  /** The old key's stored id on this device, if it was stored here: removed once the old key is revoked. */
  oldKeyId: string | null
}

export interface AccountDocument {
  version: 1
  managementKey: ManagementKeyView | null
  hashRule: HashRuleSeen
  pendingRotations: PendingRotationRecord[]
  revokedStillStored: string[]
}

const id64 = z.string().regex(/^[0-9a-f]{64}$/)
const documentSchema = z.object({
  version: z.literal(1),
  managementKey: z
    .object({
      maskedKey: z.string().max(64),
      remoteLabel: z.string().max(400).transform((label) => cleanLabel(label)),
      account: z.string().max(200).nullable(),
      addedAt: z.string().max(64),
    })
    .nullable()
    .catch(null),
  hashRule: z.enum(['sha256']).nullable().catch(null),
  pendingRotations: z
    .array(
      z.object({
        oldHash: z.string().max(128),
        oldName: z.string().max(400).transform((name) => cleanLabel(name)),
        newKeyId: id64,
        startedAt: z.string().max(64),
        oldKeyId: id64.nullable(),
      }),
    )
    .max(1000)
    .catch([]),
  revokedStillStored: z.array(id64).max(10_000).catch([]),
}) satisfies z.ZodType<AccountDocument, unknown>

export function emptyAccountDocument(): AccountDocument {
  return { version: 1, managementKey: null, hashRule: null, pendingRotations: [], revokedStillStored: [] }
}

export interface AccountStore {
  load(): Promise<{ document: AccountDocument; notices: string[] }>
  save(document: AccountDocument): Promise<void>
  /** The stored management key, or null; a keychain value that is not shaped like a key is ignored (and reported). */
  readManagementKey(): Promise<ManagementKey | null>
  writeManagementKey(key: ManagementKey): Promise<void>
  forgetManagementKey(): Promise<void>
}

export function createAccountStore(dataDir: string, vault: SecretVault, logger: Logger, now: () => Date = () => new Date()): AccountStore {
  const path = join(dataDir, ACCOUNT_FILE_NAME)
  let writes: Promise<void> = Promise.resolve()
  return {
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { document: emptyAccountDocument(), notices: [] }
        throw error
      }
      let parsed: ReturnType<typeof documentSchema.safeParse> | null
      try {
        parsed = documentSchema.safeParse(JSON.parse(text))
      } catch {
        parsed = null
      }
      if (parsed?.success) return { document: parsed.data, notices: [] }
      // Nothing here is secret or irreplaceable except pending rotations: keep the file for the person to read.
      const backup = await setAsideUnreadable(path, now())
      logger.warn('account file unreadable; set aside')
      return {
        document: emptyAccountDocument(),
        notices: [`The account settings file was damaged; it was kept as ${backup}. Rotations waiting for confirmation may need to be finished on OpenRouter.`],
      }
    },
    save(document) {
      const run = writes.then(() => writeAtomically(path, document))
      writes = run.catch(() => {})
      return run
    },
    async readManagementKey() {
      const secret = await vault.get(MANAGEMENT_KEY_ACCOUNT)
      if (secret === null) return null
      try {
        return ManagementKey.fromSecret(secret)
      } catch {
        logger.warn('the stored management key is not shaped like a key; ignored')
        return null
      }
    },
    writeManagementKey: (key) => vault.set(MANAGEMENT_KEY_ACCOUNT, revealManagementKey(key)),
    async forgetManagementKey() {
      await vault.delete(MANAGEMENT_KEY_ACCOUNT)
    },
  }
}
