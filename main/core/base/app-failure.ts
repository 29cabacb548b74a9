// The one error type services throw; the IPC dispatcher turns it into a Result for the renderer.
import type { AppError, AppErrorCode } from '../../../preload/contract'

export class AppFailure extends Error {
  readonly appError: AppError

  constructor(code: AppErrorCode, message: string, hint?: string, options?: { cause?: unknown; retryAt?: string }) {
    super(message, options)
    this.name = 'AppFailure'
    this.appError = {
      code,
      message,
      ...(hint === undefined ? {} : { hint }),
      ...(options?.retryAt === undefined ? {} : { retryAt: options.retryAt }),
    }
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure
}
