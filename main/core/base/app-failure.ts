// The one error type services throw; the IPC dispatcher turns it into a Result for the renderer.
import type { AppError, AppErrorCode } from '../../../preload/contract'

export class AppFailure extends Error {
  readonly appError: AppError

  constructor(code: AppErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppFailure'
    this.appError = hint === undefined ? { code, message } : { code, message, hint }
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure
}
