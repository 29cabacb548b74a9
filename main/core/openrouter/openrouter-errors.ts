// Turns whatever the SDK throws into one AppFailure with words a person understands and the next step.
import type { OpenRouterError } from '@openrouter/sdk/models/errors'
import { AppFailure } from '../base/app-failure'
import { retryAtOf } from './rate-limit'

/** The SDK's error classes, loaded with the SDK on first use (importing them costs ~0.6 s). */
export type SdkErrorClasses = typeof import('@openrouter/sdk/models/errors')

export type OpenRouterOperation =
  | 'exchange'
  | 'key'
  | 'create-code'
  /** GET /key with a pasted key that may be a management key. */
  | 'check-key'
  /** Management reads and changes (/workspaces, /keys…, /credits, /activity) with the management key. */
  | 'management'
  /** POST /keys: creates a key whose plaintext comes back once, so a lost answer may mean a key exists. */
  | 'management-create'
  /** create_auth_code signed with the management key. */
  | 'management-create-code'

/** Operations after which a failure may hide a key OpenRouter already made. */
const CREATES_A_KEY: ReadonlySet<OpenRouterOperation> = new Set(['management-create'])
const MAY_EXIST = 'OpenRouter may have created the key before the answer was lost.'
const CHECK_KEYS_HINT = "Look for it in the account's key list before creating another."

/** OpenRouter's message from its `{"error":{"code","message"}}` envelope, when the body has one. */
function envelopeMessage(error: OpenRouterError): string | null {
  try {
    const parsed: unknown = JSON.parse(error.body)
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const inner = (parsed as { error: unknown }).error
      if (inner && typeof inner === 'object' && 'message' in inner && typeof inner.message === 'string') {
        // Shown as plain text in the UI; bounded so a hostile server cannot flood it.
        return inner.message.slice(0, 300)
      }
    }
  } catch {
    // Not JSON: no server message to show.
  }
  return null
}

export function toAppFailure(operation: OpenRouterOperation, error: unknown, classes: SdkErrorClasses, now = Date.now()): AppFailure {
  const failure = classify(operation, error, classes, now)
  const { code } = failure.appError
  if (CREATES_A_KEY.has(operation) && (code === 'timeout' || code === 'offline' || code === 'openrouter-error' || code === 'bad-response')) {
    return new AppFailure(code, `${failure.appError.message} ${MAY_EXIST}`, CHECK_KEYS_HINT, { cause: error })
  }
  return failure
}

function classify(operation: OpenRouterOperation, error: unknown, classes: SdkErrorClasses, now: number): AppFailure {
  const { ConnectionError, OpenRouterError, RequestTimeoutError, ResponseValidationError, SDKValidationError } = classes
  if (error instanceof AppFailure) return error
  if (error instanceof RequestTimeoutError) {
    return new AppFailure('timeout', 'OpenRouter did not answer in time.', 'Check your connection and try again.', {
      cause: error,
    })
  }
  if (error instanceof ConnectionError) {
    return new AppFailure('offline', 'Could not reach OpenRouter.', 'Check your internet connection and try again.', {
      cause: error,
    })
  }
  if (error instanceof ResponseValidationError || error instanceof SyntaxError) {
    return new AppFailure('bad-response', 'OpenRouter sent an answer the app could not read.', 'Try again in a moment.', {
      cause: error,
    })
  }
  if (error instanceof OpenRouterError) return fromStatus(operation, error, now)
  if (error instanceof SDKValidationError) {
    return new AppFailure('invalid-argument', 'The request was not valid.', undefined, { cause: error })
  }
  if (error instanceof Error && error.name === 'TypeError') {
    return new AppFailure('offline', 'Could not reach OpenRouter.', 'Check your internet connection and try again.', {
      cause: error,
    })
  }
  return new AppFailure('internal', 'Something went wrong talking to OpenRouter.', 'Try again.', { cause: error })
}

function rateLimited(operation: OpenRouterOperation, error: OpenRouterError, now: number): AppFailure {
  const { retryAt } = retryAtOf(error.headers, now)
  const nothingDone =
    operation === 'management-create' || operation === 'create-code' || operation === 'management-create-code'
      ? ' No key was created.'
      : operation === 'management'
        ? ' Nothing was changed.'
        : ''
  // The hint names the time in UTC (main does not know the person's zone); the renderer can show retryAt locally.
  const hint = `OpenRouter asked to wait until ${retryAt.slice(11, 19)} UTC; try again after that.`
  return new AppFailure('rate-limited', `OpenRouter is rate limiting the app (429).${nothingDone}`, hint, {
    cause: error,
    retryAt,
  })
}

function fromStatus(operation: OpenRouterOperation, error: OpenRouterError, now: number): AppFailure {
  const status = error.statusCode
  const serverMessage = envelopeMessage(error)
  const options = { cause: error }
  if (status === 429) return rateLimited(operation, error, now)
  if (status >= 500) {
    return new AppFailure('openrouter-error', `OpenRouter had a problem (${status}).`, 'Try again in a moment.', options)
  }
  if (!error.contentType.includes('application/json')) {
    return new AppFailure('bad-response', 'OpenRouter sent an answer the app could not read.', 'Try again in a moment.', options)
  }
  switch (operation) {
    case 'exchange':
      // Live reports disagree on 400 vs 403 for a refused code: both mean "start again".
      if (status === 400 || status === 403) {
        const expired = serverMessage?.toLowerCase().includes('expired') ?? false
        return new AppFailure(
          'code-rejected',
          expired ? 'The authorization code expired before it could be used.' : 'OpenRouter refused the authorization code.',
          'Start the connection again.',
          options,
        )
      }
      break
    case 'key':
      if (status === 401) {
        return new AppFailure(
          'key-rejected',
          'OpenRouter rejected this key (401): it was revoked, disabled or does not exist.',
          'Remove it here, or connect again to get a new key.',
          options,
        )
      }
      break
    case 'create-code':
      if (status === 401) {
        return new AppFailure(
          'key-rejected',
          'OpenRouter did not accept the chosen key for creating new keys (401).',
          'Choose another key, or create the key in the browser instead.',
          options,
        )
      }
      if (status === 403) {
        return new AppFailure(
          'forbidden',
          serverMessage ? `OpenRouter refused: ${serverMessage}` : 'OpenRouter refused to create a key with this key (403).',
          'Create the key in the browser instead.',
          options,
        )
      }
      if (status === 409) {
        return new AppFailure('conflict', 'OpenRouter is busy with a conflicting request (409).', 'Try again in a moment.', options)
      }
      if (status === 400) {
        return new AppFailure(
          'bad-request',
          serverMessage ? `OpenRouter rejected the values: ${serverMessage}` : 'OpenRouter rejected the values (400).',
          'Check the form and try again.',
          options,
        )
      }
      break
    case 'check-key':
      if (status === 401) {
        return new AppFailure(
          'key-rejected',
          'OpenRouter rejected this key (401): it was deleted, disabled or mistyped. Nothing was stored.',
          'Copy the key again from OpenRouter.',
          options,
        )
      }
      break
    case 'management':
    case 'management-create':
    case 'management-create-code':
      return fromManagementStatus(operation, status, serverMessage, options) ?? genericStatus(status, serverMessage, options)
  }
  return genericStatus(status, serverMessage, options)
}

/** The management key's own meanings of 400/401/403/404. */
function fromManagementStatus(
  operation: OpenRouterOperation,
  status: number,
  serverMessage: string | null,
  options: { cause: unknown },
): AppFailure | null {
  switch (status) {
    case 401:
      return new AppFailure(
        'key-rejected',
        'OpenRouter rejected the management key (401): it was deleted, disabled or mistyped.',
        'Add a current management key from openrouter.ai/settings/management-keys.',
        options,
      )
    case 403:
      return new AppFailure(
        'forbidden',
        'This is not a management key: only a management key can manage keys (403).',
        'Create one at openrouter.ai/settings/management-keys and add it instead.',
        options,
      )
    case 404:
      return new AppFailure('not-found', 'OpenRouter has no such key (404): it may have been deleted already.', 'Refresh the account view.', options)
    case 400:
      return new AppFailure(
        'bad-request',
        serverMessage ? `OpenRouter rejected the values: ${serverMessage}` : 'OpenRouter rejected the values (400).',
        operation === 'management' ? 'Check the values and try again.' : 'Check the form and try again.',
        options,
      )
    case 409:
      return new AppFailure('conflict', 'OpenRouter is busy with a conflicting request (409).', 'Try again in a moment.', options)
    default:
      return null
  }
}

function genericStatus(status: number, serverMessage: string | null, options: { cause: unknown }): AppFailure {
  return new AppFailure(
    'openrouter-error',
    serverMessage ? `OpenRouter answered ${status}: ${serverMessage}` : `OpenRouter answered ${status}.`,
    'Try again.',
    options,
  )
}
