// What `list` and `status` print: a table for people and a stable JSON shape for scripts (documented in the
// README's "Command line" section). Built from the metadata only: no secret reaches this module.
import type { KeyStatus, KeyStatusKind } from '../../preload/contract'
import type { StoredKey } from '../core/keys/stored-key'

/** Labels come from people and from OpenRouter: control characters would let them rewrite the terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
}

/** How each status bears on using the key: unusable keys fail `status`; the others may still need a look. */
export const STATUS_EFFECT: Record<KeyStatusKind, { usable: boolean; attention: boolean }> = {
  active: { usable: true, attention: false },
  unchecked: { usable: true, attention: false },
  offline: { usable: true, attention: false },
  // OpenRouter asked the app to slow down; the key itself is fine.
  'rate-limited': { usable: true, attention: false },
  'expiring-soon': { usable: true, attention: true },
  'low-credit': { usable: true, attention: true },
  expired: { usable: false, attention: true },
  rejected: { usable: false, attention: true },
  'limit-reached': { usable: false, attention: true },
  'missing-secret': { usable: false, attention: true },
}

export interface ListedKey {
  key: StoredKey
  status: KeyStatus
  isDefault: boolean
}

/** `orkm list --json`, version 1. Fields are only ever added; a breaking change bumps `version`. */
export interface KeyListJson {
  version: 1
  keys: Array<{
    id: string
    label: string
    openRouterName: string | null
    maskedKey: string
    isDefault: boolean
    status: KeyStatusKind
    statusReason: string
    limit: number | null
    limitRemaining: number | null
    limitReset: 'daily' | 'weekly' | 'monthly' | null
    usage: number | null
    expiresAt: string | null
    checkedAt: string | null
  }>
}

export function toListJson(listed: readonly ListedKey[]): KeyListJson {
  return {
    version: 1,
    keys: listed.map(({ key, status, isDefault }) => ({
      id: key.id,
      label: key.label,
      openRouterName: key.figures?.remoteLabel ?? null,
      maskedKey: key.maskedKey,
      isDefault,
      status: status.kind,
      statusReason: status.reason,
      limit: key.figures?.limit ?? null,
      limitRemaining: key.figures?.limitRemaining ?? null,
      limitReset: key.figures?.limitReset ?? null,
      usage: key.figures?.usage ?? null,
      expiresAt: key.figures?.expiresAt ?? null,
      checkedAt: key.checkedAt,
    })),
  }
}

const usd = (amount: number) => `$${amount.toFixed(2)}`

function remainingOfLimit(key: StoredKey): string {
  const figures = key.figures
  if (!figures) return '—'
  if (figures.limit === null) return 'no limit'
  const remaining = figures.limitRemaining === null ? '?' : usd(figures.limitRemaining)
  return `${remaining} / ${usd(figures.limit)}${figures.limitReset ? ` ${figures.limitReset}` : ''}`
}

function expiry(key: StoredKey): string {
  if (!key.figures) return '—'
  return key.figures.expiresAt ? key.figures.expiresAt.slice(0, 10) : 'never'
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)))
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]! + cell.length - [...cell].length)).join('  ').trimEnd()).join('\n')
}

export function formatListTable(listed: readonly ListedKey[]): string {
  const header = ['', 'NAME', 'KEY', 'STATUS', 'REMAINING / LIMIT', 'EXPIRES']
  const rows = listed.map(({ key, status, isDefault }) => [
    isDefault ? '*' : '',
    printable(key.label),
    printable(key.maskedKey),
    status.kind,
    remainingOfLimit(key),
    expiry(key),
  ])
  return `${table([header, ...rows])}\n\n* default key\n`
}

export function formatStatus(listed: readonly ListedKey[], context: { storage: string; dataDir: string; refreshed: boolean }): string {
  const lines = [`${listed.length} key${listed.length === 1 ? '' : 's'} in ${context.storage}; list in ${printable(context.dataDir)}`]
  lines.push(context.refreshed ? 'Figures: just refreshed from OpenRouter (not saved).' : 'Figures: as the app last saved them (use --refresh for fresh ones).')
  for (const { key, status, isDefault } of listed) {
    const effect = STATUS_EFFECT[status.kind]
    const mark = !effect.usable ? 'X' : effect.attention ? '!' : '✓'
    lines.push(`  ${mark} ${printable(key.label)} (${printable(key.maskedKey)})${isDefault ? ' [default]' : ''}: ${status.kind} — ${printable(status.reason)}`)
  }
  return `${lines.join('\n')}\n`
}
