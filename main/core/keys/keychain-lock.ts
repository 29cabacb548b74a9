// Whether the Secret Service's default collection is locked (Linux). keytar cannot tell: reading from a locked
// collection with no display to prompt on returns "no such item", so a locked keyring would look like a lost key.
import { execFile } from 'node:child_process'

const PROBE_TIMEOUT_MS = 2000

/** true or false when the Secret Service answered; null when it could not be asked (no dbus-send, not Linux). */
export function isDefaultCollectionLocked(platform: NodeJS.Platform = process.platform): Promise<boolean | null> {
  if (platform !== 'linux') return Promise.resolve(null)
  const args = [
    '--session',
    '--print-reply',
    `--reply-timeout=${PROBE_TIMEOUT_MS}`,
    '--dest=org.freedesktop.secrets',
    // keytar stores in the default collection (libsecret's SECRET_COLLECTION_DEFAULT).
    '/org/freedesktop/secrets/aliases/default',
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ]
  return new Promise((resolve) => {
    execFile('dbus-send', args, { timeout: PROBE_TIMEOUT_MS * 2, encoding: 'utf8' }, (error, stdout) => {
      const answer = error ? null : /\bboolean (true|false)\b/.exec(stdout)?.[1]
      resolve(answer === undefined || answer === null ? null : answer === 'true')
    })
  })
}
