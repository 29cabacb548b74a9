// expires_at on /auth/keys/code: SDK 1.3.19 documents "Must include seconds (YYYY-MM-DDTHH:MM:SSZ;
// fractional seconds allowed); minute-precision timestamps are rejected". A zone (Z or ±HH:MM) is required too,
// since a time without one names no instant.
const SECONDS_PRECISION =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/

export type ParsedTimestamp = { ok: true; epochMs: number } | { ok: false; reason: string }

export function parseSecondsTimestamp(text: string): ParsedTimestamp {
  const match = SECONDS_PRECISION.exec(text)
  if (!match) return { ok: false, reason: 'expires_at must be an ISO 8601 date-time with seconds and a zone, e.g. 2027-01-31T23:59:59Z' }
  const [, year, month, day, hour, minute, second, fraction, zone, zoneHours, zoneMinutes] = match
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number]
  const [y, mo, d, h, mi, s] = fields
  // Date.parse quietly rolls 2026-02-30 over to March; a real validator rejects it, so check each field.
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(wallClock)
  const sameFields =
    check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && check.getUTCHours() === h && check.getUTCMinutes() === mi && check.getUTCSeconds() === s
  const offsetOk = zone === 'Z' || (Number(zoneHours) <= 23 && Number(zoneMinutes) <= 59)
  if (!sameFields || !offsetOk) return { ok: false, reason: 'expires_at is not a valid date-time' }
  const offsetMinutes = zone === 'Z' ? 0 : (zone!.startsWith('-') ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes))
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0
  return { ok: true, epochMs: wallClock - offsetMinutes * 60_000 + millis }
}

/** ISO 8601 in UTC with Z, without a '.000' the app did not ask for. */
export function toIsoZ(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z')
}
