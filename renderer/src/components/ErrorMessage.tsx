// An error from main, said the way main put it: the message, then the next step when there is one.
import type { ReactNode } from 'react'
import type { AppError } from '../../../preload/contract'
import { AlertIcon } from './Icons'

export function ErrorMessage({ error, children }: { error: AppError; children?: ReactNode }) {
  return (
    <div className="error-box" role="alert">
      <AlertIcon />
      <div>
        <p className="error-message">{error.message}</p>
        {error.hint ? <p className="error-hint">{error.hint}</p> : null}
        {children}
      </div>
    </div>
  )
}
