// Turns whatever the SDK throws into one AppFailure with words a person understands and the next step.
import type { OpenRouterError } from '@openrouter/sdk/models/errors'
import { AppFailure } from '../base/app-failure'

/** The SDK's error classes, loaded with the SDK on first use (importing them costs ~0.6 s). */
export type SdkErrorClasses = typeof import('@openrouter/sdk/models/errors')

export type OpenRouterOperation = 'exchange' | 'key' | 'create-code'

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

export function toAppFailure(operation: OpenRouterOperation, error: unknown, classes: SdkErrorClasses): AppFailure {
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
  if (error instanceof OpenRouterError) return fromStatus(operation, error)
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

function fromStatus(operation: OpenRouterOperation, error: OpenRouterError): AppFailure {
  const status = error.statusCode
  const serverMessage = envelopeMessage(error)
  const options = { cause: error }
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
  }
  return new AppFailure(
    'openrouter-error',
    serverMessage ? `OpenRouter answered ${status}: ${serverMessage}` : `OpenRouter answered ${status}.`,
    'Try again.',
    options,
  )
}
