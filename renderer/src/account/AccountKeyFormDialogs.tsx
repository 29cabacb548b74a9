// Create a key on the account (POST /keys) and edit one (PATCH /keys/{hash}). The expiry is set only at
// creation: OpenRouter does not change it afterwards, so the edit form shows it read-only.
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { AccountKeyEdit, AccountKeyView, CreateAccountKeyRequest } from '../../../preload/account-contract'
import type { AppError } from '../../../preload/contract'
import { ErrorMessage } from '../components/ErrorMessage'
import { Dialog } from '../components/dialogs/Dialog'
import { formatExpiry } from '../format/dates'
import { useNow } from '../hooks/useNow'
import { ExpiryFields } from '../mint/ExpiryFields'
import type { ResetChoice } from '../mint/validate-mint-form'
import {
  editFormOf,
  validateCreateForm,
  validateEditForm,
  type AccountErrors,
  type AccountField,
  type CreateFormValues,
  type EditFormValues,
} from './validate-account-form'
import { FormActions } from '../components/dialogs/FormActions'
import { ResetOptions } from '../mint/ResetOptions'

function fieldProps(prefix: string, field: AccountField, errors: AccountErrors) {
  return {
    id: `${prefix}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${prefix}-${field}-error` : undefined,
  }
}

function FieldError({ prefix, field, errors }: { prefix: string; field: AccountField; errors: AccountErrors }) {
  return errors[field] ? (
    <p className="field-error" id={`${prefix}-${field}-error`}>
      {errors[field]}
    </p>
  ) : null
}

function focusFirstError(form: HTMLFormElement | null, prefix: string, errors: AccountErrors) {
  const first = (['name', 'limit', 'expiresAt'] as const).find((field) => errors[field])
  if (first) form?.querySelector<HTMLElement>(`#${prefix}-${first}`)?.focus()
}

interface LimitFieldsProps {
  prefix: string
  errors: AccountErrors
  limit: string
  limitReset: ResetChoice
  includeByokInLimit: boolean
  onChange(patch: Partial<{ limit: string; limitReset: ResetChoice; includeByokInLimit: boolean }>): void
}

function LimitFields({ prefix, errors, limit, limitReset, includeByokInLimit, onChange }: LimitFieldsProps) {
  const noLimit = limit.trim() === ''
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${prefix}-limit`}>Credit limit (USD)</label>
          <input
            {...fieldProps(prefix, 'limit', errors)}
            className="input"
            type="number"
            inputMode="decimal"
            min="0.01"
            step="0.01"
            placeholder="No limit"
            value={limit}
            onChange={(event) => onChange({ limit: event.target.value })}
          />
          <FieldError prefix={prefix} field="limit" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-reset`}>Reset period</label>
          <select
            id={`${prefix}-reset`}
            className="input"
            value={noLimit ? '' : limitReset}
            disabled={noLimit}
            onChange={(event) => onChange({ limitReset: event.target.value as ResetChoice })}
          >
            <ResetOptions />
          </select>
        </div>
      </div>
      <div className="check">
        <input
          id={`${prefix}-byok`}
          type="checkbox"
          checked={includeByokInLimit}
          onChange={(event) => onChange({ includeByokInLimit: event.target.checked })}
        />
        <label htmlFor={`${prefix}-byok`}>Count spend on your own provider keys (BYOK) towards the limit</label>
      </div>
    </>
  )
}

function FormDialog(props: {
  title: string
  description: ReactNode
  busy: boolean
  refusal: AppError | null
  submitText: string
  formRef: React.RefObject<HTMLFormElement | null>
  onSubmit(event: FormEvent): void
  onClose(): void
  children: ReactNode
}) {
  const { title, description, busy, refusal, submitText, formRef, onSubmit, onClose, children } = props
  return (
    <Dialog title={title} onClose={onClose} busy={busy} description={description}>
      <form ref={formRef} className="dialog-body form" onSubmit={onSubmit} noValidate>
        {children}
        {refusal ? <ErrorMessage error={refusal} /> : null}
        <FormActions busy={busy} onCancel={onClose} submitText={submitText} />
      </form>
    </Dialog>
  )
}

export interface CreateAccountKeyDialogProps {
  workspaces: ReadonlyArray<{ id: string; name: string }>
  onCreate(request: CreateAccountKeyRequest): Promise<AppError | null>
  onClose(): void
}

export function CreateAccountKeyDialog({ workspaces, onCreate, onClose }: CreateAccountKeyDialogProps) {
  const [values, setValues] = useState<CreateFormValues>({
    name: '',
    limit: '',
    limitReset: '',
    expiry: 'never',
    customExpiresAt: '',
    includeByokInLimit: false,
    workspaceId: workspaces.length > 1 ? workspaces[0]!.id : null,
  })
  const [errors, setErrors] = useState<AccountErrors>({})
  const [refusal, setRefusal] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const now = useNow()

  const set = (patch: Partial<CreateFormValues>) => {
    setValues((current) => ({ ...current, ...patch }))
    setErrors({})
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const validation = validateCreateForm(values, Date.now())
    if (!validation.ok) {
      setErrors(validation.errors)
      focusFirstError(form.current, 'create', validation.errors)
      return
    }
    setRefusal(null)
    setBusy(true)
    const failure = await onCreate(validation.request)
    setBusy(false)
    if (failure) setRefusal(failure)
    else onClose()
  }

  return (
    <FormDialog
      title="Create a key on your account"
      description={<p>OpenRouter shows the new key once; it goes straight into your keychain, so it can be copied from here later.</p>}
      busy={busy}
      refusal={refusal}
      submitText="Create key"
      formRef={form}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor="create-name">Name</label>
        <input
          {...fieldProps('create', 'name', errors)}
          className="input"
          value={values.name}
          autoComplete="off"
          placeholder="e.g. CI runner"
          onChange={(event) => set({ name: event.target.value })}
        />
        <FieldError prefix="create" field="name" errors={errors} />
      </div>
      <LimitFields
        prefix="create"
        errors={errors}
        limit={values.limit}
        limitReset={values.limitReset}
        includeByokInLimit={values.includeByokInLimit}
        onChange={set}
      />
      <ExpiryFields
        selectId="create-expiry"
        expiry={values.expiry}
        customExpiresAt={values.customExpiresAt}
        now={now}
        customInputProps={fieldProps('create', 'expiresAt', errors)}
        customError={<FieldError prefix="create" field="expiresAt" errors={errors} />}
        onExpiryChange={(expiry) => set({ expiry })}
        onCustomChange={(customExpiresAt) => set({ customExpiresAt })}
      />
      {workspaces.length > 1 ? (
        <div className="field">
          <label htmlFor="create-workspace">Workspace</label>
          <select id="create-workspace" className="input" value={values.workspaceId ?? ''} onChange={(event) => set({ workspaceId: event.target.value })}>
            {workspaces.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p className="help">The expiry cannot be changed once the key exists.</p>
    </FormDialog>
  )
}

export interface EditAccountKeyDialogProps {
  accountKey: AccountKeyView
  onSave(edit: AccountKeyEdit): Promise<AppError | null>
  onClose(): void
}

export function EditAccountKeyDialog({ accountKey, onSave, onClose }: EditAccountKeyDialogProps) {
  const [values, setValues] = useState<EditFormValues>(() => editFormOf(accountKey))
  const [errors, setErrors] = useState<AccountErrors>({})
  const [refusal, setRefusal] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const now = useNow()

  const set = (patch: Partial<EditFormValues>) => {
    setValues((current) => ({ ...current, ...patch }))
    setErrors({})
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const validation = validateEditForm(accountKey, values)
    if (!validation.ok) {
      setErrors(validation.errors)
      focusFirstError(form.current, 'edit', validation.errors)
      return
    }
    if (Object.keys(validation.edit).length === 0) return onClose()
    setRefusal(null)
    setBusy(true)
    const failure = await onSave(validation.edit)
    setBusy(false)
    if (failure) setRefusal(failure)
    else onClose()
  }

  return (
    <FormDialog
      title={`Edit “${accountKey.name}”`}
      description={<p>Changes apply on OpenRouter at once, for every app that uses this key.</p>}
      busy={busy}
      refusal={refusal}
      submitText="Save changes"
      formRef={form}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor="edit-name">Name</label>
        <input {...fieldProps('edit', 'name', errors)} className="input" value={values.name} autoComplete="off" onChange={(event) => set({ name: event.target.value })} />
        <FieldError prefix="edit" field="name" errors={errors} />
      </div>
      <LimitFields
        prefix="edit"
        errors={errors}
        limit={values.limit}
        limitReset={values.limitReset}
        includeByokInLimit={values.includeByokInLimit}
        onChange={set}
      />
      <p className="help" data-testid="edit-expiry">
        Expires: {formatExpiry(accountKey.expiresAt, now)}. OpenRouter does not change a key’s expiry after it is created.
      </p>
    </FormDialog>
  )
}
