// Locks and unlocks the throw-away gnome-keyring's login collection over D-Bus, as a person would in
// their keyring manager: the same daemon stays up, so the app's open keychain connection stays valid.
// Unlocking uses gnome-keyring's own test interface (UnlockWithMasterPassword): no prompt, no display needed.
import dbus from 'dbus-next'

const SECRETS = 'org.freedesktop.secrets'
const SERVICE_PATH = '/org/freedesktop/secrets'
const LOGIN = '/org/freedesktop/secrets/collection/login'

async function withService<T>(run: (bus: dbus.MessageBus, service: dbus.ClientInterface, object: dbus.ProxyObject) => Promise<T>): Promise<T> {
  const bus = dbus.sessionBus()
  try {
    const object = await bus.getProxyObject(SECRETS, SERVICE_PATH)
    return await run(bus, object.getInterface('org.freedesktop.Secret.Service'), object)
  } finally {
    bus.disconnect()
  }
}

export function lockLoginCollection(): Promise<void> {
  return withService(async (_bus, service) => {
    await service['Lock']([LOGIN])
  })
}

export function unlockLoginCollection(password: string): Promise<void> {
  return withService(async (_bus, service, object) => {
    const [, session] = (await service['OpenSession']('plain', new dbus.Variant('s', ''))) as [unknown, string]
    const internal = object.getInterface('org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface')
    await internal['UnlockWithMasterPassword'](LOGIN, [session, Buffer.alloc(0), Buffer.from(password), 'text/plain'])
  })
}
