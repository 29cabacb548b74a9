// Short-lived messages ("Copied…", an action's error) shown in one live region.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { AppError } from '../../../preload/contract'

export interface Toast {
  id: number
  tone: 'info' | 'success' | 'error'
  message: string
  hint?: string
  /** What the message is about ("refresh:<key id>"), so it can be withdrawn once that problem is solved. */
  topic?: string
}

export interface Toaster {
  notify(message: string, tone?: Toast['tone']): void
  /** An error toast; with a topic, a later `resolved(topic)` takes it away. */
  error(error: AppError, topic?: string): void
  /** The problem behind a topic is solved: its error toasts go (a stale error is worse than none). */
  resolved(topic: string): void
}

const INFO_MS = 6000
const ERROR_MS = 12000

export function useToastQueue(): { toasts: Toast[]; toaster: Toaster; close(id: number): void } {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  const toastsRef = useRef<Toast[]>(toasts)
  useEffect(() => {
    toastsRef.current = toasts
  }, [toasts])

  const close = useCallback((id: number) => {
    const timer = timers.current.get(id)
    if (timer) clearTimeout(timer)
    timers.current.delete(id)
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++
      // The same message twice in a row replaces the first one rather than stacking.
      setToasts((current) => [...current.filter((other) => other.message !== toast.message).slice(-3), { ...toast, id }])
      timers.current.set(
        id,
        setTimeout(() => close(id), toast.tone === 'error' ? ERROR_MS : INFO_MS),
      )
    },
    [close],
  )

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  const toaster = useMemo<Toaster>(
    () => ({
      notify: (message, tone = 'success') => push({ tone, message }),
      error: (error, topic) =>
        push({ tone: 'error', message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(topic ? { topic } : {}) }),
      resolved: (topic) => {
        for (const toast of toastsRef.current) if (toast.topic === topic || (topic === 'refresh' && toast.topic?.startsWith('refresh:'))) close(toast.id)
      },
    }),
    [push, close],
  )
  return { toasts, toaster, close }
}

export const ToastContext = createContext<Toaster>({ notify: () => {}, error: () => {}, resolved: () => {} })

export function useToaster(): Toaster {
  return useContext(ToastContext)
}

/** The message after a key is copied: main clears the clipboard later if it still holds the key. */
export function copiedMessage(clearsAfterSeconds: number): string {
  return `Copied. The clipboard will be cleared in ${clearsAfterSeconds} seconds.`
}
