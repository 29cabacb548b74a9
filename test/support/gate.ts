// A promise the test opens: holds a keychain write, a commit or a sync until the test has looked at what happens
// meanwhile. Opening it twice is harmless, so a `finally` may open it again.
export interface Gate {
  /** Settles once the gate is opened. */
  readonly passed: Promise<void>
  open(): void
}

export function gate(): Gate {
  let open: () => void = () => {}
  const passed = new Promise<void>((resolve) => (open = resolve))
  return { passed, open: () => open() }
}
