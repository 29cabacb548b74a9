// Dates and durations with Intl only. Every function takes `now` (and optionally a locale) so tests are exact.
import { userLocale } from './locale'
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>()
const dateFormatters = new Map<string, Intl.DateTimeFormat>()

function relativeFormatter(locale: string | undefined): Intl.RelativeTimeFormat {
  const cacheKey = locale ?? ''
  let cached = relativeFormatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    relativeFormatters.set(cacheKey, cached)
  }
  return cached
}

function dateFormatter(locale: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const cacheKey = `${locale ?? ''}|${withTime ? 't' : 'd'}`
  let cached = dateFormatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })
    dateFormatters.set(cacheKey, cached)
  }
  return cached
}

/** "in 16 days", "3 hours ago", "tomorrow": the largest unit that still reads naturally. */
export function formatRelative(target: number, now: number, locale: string | undefined = userLocale()): string {
  const rtf = relativeFormatter(locale)
  const seconds = Math.round((target - now) / SECOND)
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second')
  const minutes = Math.round(seconds / 60)
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute')
  const hours = Math.round(seconds / 3600)
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour')
  const days = Math.round(seconds / 86400)
  if (Math.abs(days) < 45) return rtf.format(days, 'day')
  const months = Math.round(days / 30.4375)
  if (Math.abs(months) < 18) return rtf.format(months, 'month')
  return rtf.format(Math.round(days / 365.25), 'year')
}

/** A localized date, with the time of day when it is within two days of now (when the hour matters). */
export function formatDate(iso: string, now: number, locale: string | undefined = userLocale()): string {
  const at = Date.parse(iso)
  return dateFormatter(locale, Math.abs(at - now) < 2 * DAY).format(at)
}

/** "Never", or "12 Dec 2026 · in 16 days". */
export function formatExpiry(expiresAt: string | null, now: number, locale: string | undefined = userLocale()): string {
  if (expiresAt === null) return 'Never'
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return 'Unknown'
  return `${formatDate(expiresAt, now, locale)} · ${formatRelative(at, now, locale)}`
}

/** "Checked 2 minutes ago", "Checked just now", or "Not checked yet". */
export function formatChecked(checkedAt: string | null, now: number, locale: string | undefined = userLocale()): string {
  if (checkedAt === null) return 'Not checked yet'
  const at = Date.parse(checkedAt)
  if (Number.isNaN(at)) return 'Not checked yet'
  if (Math.abs(now - at) < MINUTE) return 'Checked just now'
  return `Checked ${formatRelative(at, now, locale)}`
}

/** A countdown for the connect flow: "4:05", "0:09"; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>()

/** "Figures from 10:42" (today), "Figures from 24 Nov, 10:42" (another day): when the last good check was. */
export function formatFiguresFrom(checkedAt: string, now: number, locale: string | undefined = userLocale()): string {
  const at = Date.parse(checkedAt)
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  const cacheKey = `${locale ?? ''}|${sameDay ? 't' : 'dt'}`
  let cached = clockFormatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' })
    clockFormatters.set(cacheKey, cached)
  }
  return `Figures from ${cached.format(at)}`
}
