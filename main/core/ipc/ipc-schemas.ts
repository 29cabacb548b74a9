// Argument schemas for every invoke channel: main validates all renderer input before any service sees it.
// Typed against the contract, so a channel whose arguments change fails to compile until its schema does.
import { z } from 'zod'
import { COPY_FORMATS, LIMIT_CEILING_USD, LIMIT_RESETS, type InvokeArgs, type InvokeChannel } from '../../../preload/contract'
import { cleanLabel, MAX_LABEL_LENGTH } from '../keys/labels'

const keyId = z.string().regex(/^[0-9a-f]{64}$/, 'not a key id')
const label = z.string().max(200)
const settingsPatch = z
  .object({
    lowCreditPercent: z.number().int().min(1).max(100),
    sortOrder: z.enum(['manual', 'label', 'remaining', 'expiry']),
    autoUpdate: z.boolean(),
    keyView: z.enum(['cards', 'list']),
  })
  .partial()
  .strict()
const usd = z.number().finite().positive().max(LIMIT_CEILING_USD)
const limitReset = z.enum(LIMIT_RESETS)
/** A name as it will be stored: 1 to MAX_LABEL_LENGTH characters once control and bidi characters are cleaned. */
const keyName = z
  .string()
  .max(MAX_LABEL_LENGTH * 2)
  .refine((text) => {
    const cleaned = cleanLabel(text, Number.MAX_SAFE_INTEGER)
    return cleaned.length > 0 && Array.from(cleaned).length <= MAX_LABEL_LENGTH
  }, `a name needs 1 to ${MAX_LABEL_LENGTH} characters`)
const futureDate = z.iso.datetime({ offset: true }).refine((text) => Date.parse(text) > Date.now(), 'the expiry must be in the future')
/** OpenRouter's key hash: 64 hex characters in the spec; any short URL-safe token is accepted (the path is encoded). */
const accountHash = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a key hash')
const accountRef = z.union([z.object({ hash: accountHash }).strict(), z.object({ keyId }).strict()])
const managementSecret = z.string().min(1).max(1000)

export const invokeArgSchemas: { [C in InvokeChannel]: z.ZodType<InvokeArgs<C>> } = {
  'keys:list': z.tuple([]),
  'keys:refresh': z.tuple([keyId]),
  'keys:refresh-all': z.tuple([z.enum(['manual', 'automatic'])]),
  'keys:rename': z.tuple([keyId, label]),
  'keys:set-default': z.tuple([keyId]),
  'keys:reorder': z.tuple([z.array(keyId).max(10_000)]),
  'keys:copy': z.tuple([keyId, z.enum(COPY_FORMATS)]),
  'keys:remove': z.tuple([keyId]),
  'keys:add': z.tuple([z.string().max(1000), label]),
  'keys:mint': z.tuple([
    z
      .object({
        sourceKeyId: keyId.nullable(),
        label,
        limit: usd,
        limitReset: limitReset.nullable(),
        expiresAt: z.iso.datetime({ offset: true }).nullable(),
      })
      .strict(),
  ]),
  'keys:open-revoke-page': z.tuple([keyId]),
  'keys:confirm-account': z.tuple([keyId]),
  'storage:check': z.tuple([]),
  'connect:take-request': z.tuple([]),
  'settings:update': z.tuple([settingsPatch]),
  'connect:start': z.tuple([z.object({ limit: usd.optional(), name: z.string().trim().min(1).max(100).optional() }).strict()]),
  'connect:state': z.tuple([]),
  'connect:cancel': z.tuple([]),
  'connect:open-again': z.tuple([]),
  'connect:copy-link': z.tuple([]),
  'connect:submit-redirect': z.tuple([z.string().min(1).max(8192)]),
  'connect:retry-save': z.tuple([]),
  'connect:copy-unsaved-key': z.tuple([]),
  'connect:dismiss': z.tuple([]),
  'update:state': z.tuple([]),
  'update:restart': z.tuple([]),
  'update:open-release-page': z.tuple([]),
  'account:state': z.tuple([]),
  'account:refresh': z.tuple([]),
  'account:set-management-key': z.tuple([managementSecret]),
  'account:remove-management-key': z.tuple([]),
  'account:revoke': z.tuple([accountRef]),
  'account:set-disabled': z.tuple([accountRef, z.boolean()]),
  'account:edit': z.tuple([
    accountRef,
    z
      .object({ name: keyName, limit: usd.nullable(), limitReset: limitReset.nullable(), includeByokInLimit: z.boolean() })
      .partial()
      .strict()
      .refine((edit) => Object.keys(edit).length > 0, 'nothing to change'),
  ]),
  'account:create': z.tuple([
    z
      .object({
        name: keyName,
        limit: usd.nullable(),
        limitReset: limitReset.nullable(),
        expiresAt: futureDate.nullable(),
        includeByokInLimit: z.boolean(),
        workspaceId: z.string().min(1).max(200).nullable(),
      })
      .strict(),
  ]),
  'account:rotate': z.tuple([accountRef]),
  'account:finish-rotation': z.tuple([accountHash]),
  'account:spend': z.tuple([z.array(accountRef).max(200)]),
  'account:spend-chart': z.tuple([z.enum(['key', 'model'])]),
}
