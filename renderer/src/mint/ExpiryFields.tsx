// The expiry of a new key, shared by New limited key and Create key: a choice, and a date when it is "Custom".
import type { ReactNode } from 'react'
import { EXPIRY_CHOICES, toLocalDateTimeValue, type ExpiryChoice } from './validate-mint-form'

const CHOICE_TEXT: Record<ExpiryChoice, string> = { never: 'Never', '7': 'In 7 days', '30': 'In 30 days', '90': 'In 90 days', custom: 'Custom' }

export interface ExpiryFieldsProps {
  /** The select's id. */
  selectId: string
  expiry: ExpiryChoice
  customExpiresAt: string
  now: number
  /** The custom date input's id and error wiring (aria-invalid, aria-describedby). */
  customInputProps: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }
  /** The custom date's error message, if any. */
  customError: ReactNode
  onExpiryChange(expiry: ExpiryChoice): void
  onCustomChange(text: string): void
}

export function ExpiryFields({ selectId, expiry, customExpiresAt, now, customInputProps, customError, onExpiryChange, onCustomChange }: ExpiryFieldsProps) {
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={selectId}>Expiry</label>
        <select id={selectId} className="input" value={expiry} onChange={(event) => onExpiryChange(event.target.value as ExpiryChoice)}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {CHOICE_TEXT[choice]}
            </option>
          ))}
        </select>
      </div>
      {expiry === 'custom' ? (
        <div className="field">
          <label htmlFor={customInputProps.id}>Expires at</label>
          <input
            {...customInputProps}
            className="input"
            type="datetime-local"
            min={toLocalDateTimeValue(now)}
            value={customExpiresAt}
            onChange={(event) => onCustomChange(event.target.value)}
          />
          {customError}
        </div>
      ) : null}
    </div>
  )
}
