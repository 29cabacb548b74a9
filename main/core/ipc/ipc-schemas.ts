// Argument schemas for every invoke channel: main validates all renderer input before any service sees it.
// Typed against the contract, so a channel whose arguments change fails to compile until its schema does.
import { z } from 'zod'
import { COPY_FORMATS, type InvokeArgs, type InvokeChannel } from '../../../preload/contract'

const keyId = z.string().regex(/^[0-9a-f]{64}$/, 'not a key id')
const label = z.string().max(200)
const settingsPatch = z
  .object({
    lowCreditPercent: z.number().int().min(1).max(100),
    sortOrder: z.enum(['manual', 'label', 'remaining', 'expiry']),
    autoUpdate: z.boolean(),
  })
  .partial()
  .strict()
const usd = z.number().finite().positive().max(1_000_000)

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
        sourceKeyId: keyId,
        label,
        limit: usd,
        limitReset: z.enum(['daily', 'weekly', 'monthly']).nullable(),
        expiresAt: z.iso.datetime({ offset: true }).nullable(),
      })
      .strict(),
  ]),
  'keys:open-revoke-page': z.tuple([keyId]),
  'keys:confirm-account': z.tuple([keyId]),
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
}
