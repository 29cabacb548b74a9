// One entry point for every renderer request, whatever the transport (Electron IPC or the test harness):
// unknown channels and bad arguments are refused, failures become Results, nothing is thrown across.
import type { InvokeArgs, InvokeChannel, InvokeValue, Result } from '../../../preload/contract'
import { INVOKE_CHANNELS } from '../../../preload/contract'
import { isAppFailure } from '../base/app-failure'
import { invokeArgSchemas } from './ipc-schemas'
import type { Logger } from '../base/logger'

export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeValue<C>> | InvokeValue<C>
}

export type Dispatch = (channel: unknown, args: unknown[]) => Promise<Result<unknown>>

const CHANNELS = new Set<string>(INVOKE_CHANNELS)

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && CHANNELS.has(channel)
}

export function createDispatcher(handlers: InvokeHandlers, logger: Logger): Dispatch {
  return async (channel, args) => {
    if (!isInvokeChannel(channel)) {
      logger.warn('refused an unknown channel')
      return { ok: false, error: { code: 'invalid-argument', message: 'Unknown request.' } }
    }
    const parsed = invokeArgSchemas[channel].safeParse(args)
    if (!parsed.success) {
      logger.warn('refused invalid arguments', { channel, issues: parsed.error.issues.map((issue) => issue.path.join('.')) })
      return { ok: false, error: { code: 'invalid-argument', message: 'The request was not valid.' } }
    }
    try {
      const handler = handlers[channel] as (...values: unknown[]) => unknown
      const value = await handler(...(parsed.data as unknown[]))
      return { ok: true, value }
    } catch (error) {
      if (isAppFailure(error)) return { ok: false, error: error.appError }
      logger.error('request failed unexpectedly', { channel, error })
      return { ok: false, error: { code: 'internal', message: 'Something went wrong.', hint: 'Try again.' } }
    }
  }
}
