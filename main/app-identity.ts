// The application id: electron-builder's appId, which becomes the macOS bundle identifier (part of the
// code signature that keychain items trust) and the Windows AppUserModelID (notifications, taskbar).
// Reverse-DNS in the namespace the project really holds, its GitHub organisation (package.json homepage).
// Never change it after a release: keychain access and Windows shortcuts are tied to it.
export const APP_ID = 'io.github.openrouter-key-manager.app'
