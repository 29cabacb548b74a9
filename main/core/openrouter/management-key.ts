// The management key as its own type. It is an opaque object, not a string: passing it where an API key (a
// string) is expected does not compile, a string does not pass for it, and logging or serialising it prints
// '[management key]'. Only revealManagementKey reads the secret: the management gateway, to send it, and the
// keychain write, to store it.
import { inspect } from 'node:util'

const secrets = new WeakMap<ManagementKey, string>()
const REDACTED = '[management key]'

export class ManagementKey {
  /** `sk-or-v1-…c96a`, for the person to recognise it; never the secret. */
  readonly masked: string

  private constructor(secret: string) {
    const prefix = /^(sk-or-v\d+-)/.exec(secret)?.[1] ?? secret.slice(0, 3)
    this.masked = `${prefix}…${secret.slice(-4)}`
    secrets.set(this, secret)
  }

  /**
   * Wraps a secret the app holds as a management key: one that checkKey just confirmed (is_management_key), or
   * one the app stored after such a check. Does no network call.
   */
  static fromSecret(secret: string): ManagementKey {
    if (!/^sk-or-[A-Za-z0-9_-]{16,200}$/.test(secret)) throw new TypeError('not an OpenRouter key')
    return new ManagementKey(secret)
  }

  toString(): string {
    return REDACTED
  }

  toJSON(): string {
    return REDACTED
  }

  [inspect.custom](): string {
    return REDACTED
  }
}

/** The secret, for the management gateway's bearer and the keychain write only. */
export function revealManagementKey(key: ManagementKey): string {
  const secret = secrets.get(key)
  if (secret === undefined) throw new TypeError('not a ManagementKey')
  return secret
}
