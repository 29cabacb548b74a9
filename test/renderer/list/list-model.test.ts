import { describe, expect, it } from 'vitest'
import { NO_FILTER, filterRows, foldText, isFiltering, matchesQuery, type ListRow } from '../../../renderer/src/list/list-model'

function row(name: string, overrides: Partial<ListRow> = {}): ListRow {
  return {
    id: name,
    name,
    remoteLabel: null,
    status: { kind: 'active', text: 'Active', tone: 'ok' },
    inactive: false,
    remaining: 5,
    limit: 10,
    expiresAt: null,
    isDefault: false,
    ...overrides,
  }
}

const rows = [
  row('Work laptop', { remoteLabel: 'sk-or-v1-0e6...f00' }),
  row('Café CI', { status: { kind: 'low-credit', text: 'Low credit', tone: 'warn' } }),
  row('Old prototype', { inactive: true, status: { kind: 'expired', text: 'Expired', tone: 'danger' } }),
  row('Train wifi', { status: { kind: 'offline', text: 'Offline', tone: 'muted' } }),
]
const names = (list: readonly ListRow[]) => list.map((item) => item.name)

describe('search', () => {
  it('finds by name, by OpenRouter label and by status text, ignoring case and accents', () => {
    expect(names(filterRows(rows, { query: 'LAPTOP', status: 'all' }))).toEqual(['Work laptop'])
    expect(names(filterRows(rows, { query: '0e6', status: 'all' }))).toEqual(['Work laptop'])
    expect(names(filterRows(rows, { query: 'expired', status: 'all' }))).toEqual(['Old prototype'])
    expect(names(filterRows(rows, { query: 'cafe', status: 'all' }))).toEqual(['Café CI'])
    expect(foldText('Café')).toBe('cafe')
  })

  it('needs every word, in any order', () => {
    expect(matchesQuery(rows[0]!, 'laptop work')).toBe(true)
    expect(matchesQuery(rows[0]!, 'laptop home')).toBe(false)
  })

  it('returns the same list when nothing is filtered (no re-render of every row)', () => {
    expect(filterRows(rows, NO_FILTER)).toBe(rows)
    expect(filterRows(rows, { query: '   ', status: 'all' })).toBe(rows)
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering({ query: 'x', status: 'all' })).toBe(true)
  })

  it('finds nothing for a query nothing matches', () => {
    expect(filterRows(rows, { query: 'zzz', status: 'all' })).toEqual([])
  })
})

describe('status filter', () => {
  it('groups keys that need attention, usable ones and inactive ones', () => {
    expect(names(filterRows(rows, { query: '', status: 'attention' }))).toEqual(['Café CI', 'Old prototype'])
    expect(names(filterRows(rows, { query: '', status: 'usable' }))).toEqual(['Work laptop', 'Café CI', 'Train wifi'])
    expect(names(filterRows(rows, { query: '', status: 'inactive' }))).toEqual(['Old prototype'])
  })

  it('combines with the search', () => {
    expect(names(filterRows(rows, { query: 'ci', status: 'attention' }))).toEqual(['Café CI'])
    expect(names(filterRows(rows, { query: 'ci', status: 'inactive' }))).toEqual([])
  })
})
