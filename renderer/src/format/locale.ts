// The user's locale as the window reports it (Electron: the OS locale). Undefined lets Intl use its default.
export function userLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language ?? undefined)
}
