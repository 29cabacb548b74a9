// The compact list: one row per key (name, status, remaining / limit, expiry, actions). It is one tab stop
// (a grid with a roving focus): ↑ ↓ Home End PageUp PageDown move between rows, → ← move through a row's
// buttons, Enter opens the row. Long lists render their first screenful at once and the rest in an
// interruptible transition, and off-screen rows skip layout (`content-visibility`), so 1,000 rows stay fast.
import { memo, startTransition, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { formatLimit, formatUsd } from '../format/money'
import { formatRelative } from '../format/dates'
import { useNow } from '../hooks/useNow'
import { StarIcon } from '../components/Icons'
import type { ListRow } from './list-model'
import { firstScreenful, ROW_SIZE } from '../hooks/firstScreenful'

export interface RowAction<R extends ListRow> {
  id: string
  /** Visible text, e.g. "Copy". */
  text: string
  /** Accessible name, which names the key: "Copy Work laptop". */
  label(row: R): string
  icon?: ReactNode
  /** Why the action cannot run for this row, or null when it can. */
  unavailable?(row: R): string | null
  run(row: R): void
}

export interface KeyTableProps<R extends ListRow> {
  rows: readonly R[]
  /** The grid's accessible name, e.g. "Stored keys". */
  label: string
  actions: readonly RowAction<R>[]
  /** Enter (or a double click) on a row. */
  onOpen?(row: R): void
}

function ExpiryCell({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow()
  if (expiresAt === null) return <>Never</>
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return <>Unknown</>
  return <time dateTime={expiresAt}>{at <= now ? `Expired ${formatRelative(at, now)}` : formatRelative(at, now)}</time>
}

function amounts(row: ListRow): string {
  if (row.limit === null) return row.remaining === null ? 'No cap' : `${formatUsd(row.remaining)} · no cap`
  return `${row.remaining === null ? '—' : formatUsd(row.remaining)} / ${formatLimit(row.limit)}`
}

interface RowProps<R extends ListRow> {
  row: R
  index: number
  active: boolean
  actions: readonly RowAction<R>[]
  onFocusRow(index: number): void
}

function TableRowView<R extends ListRow>({ row, index, active, actions, onFocusRow }: RowProps<R>) {
  return (
    <div
      role="row"
      className={`table-row${row.inactive ? ' row-inactive' : ''}`}
      aria-rowindex={index + 2}
      aria-label={row.name}
      data-key-id={row.id}
      data-row-index={index}
      tabIndex={active ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index)
      }}
    >
      <div role="gridcell" className="cell cell-name">
        <span className="row-name" data-testid="row-name">
          {row.name}
          {row.isDefault ? (
            <span className="row-default" title="Default key">
              <StarIcon />
              <span className="visually-hidden"> (default)</span>
            </span>
          ) : null}
        </span>
        {row.remoteLabel ? <span className="row-remote">OpenRouter: {row.remoteLabel}</span> : null}
        {row.tag ? (
          <span className="row-tag" data-testid="row-tag">
            {row.tag}
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell cell-status">
        <span className={`badge badge-${row.status.tone}`} data-testid="row-status">
          {row.status.text}
        </span>
      </div>
      <div role="gridcell" className="cell cell-money" data-testid="row-amounts">
        {amounts(row)}
      </div>
      <div role="gridcell" className="cell cell-expiry" data-testid="row-expiry">
        <ExpiryCell expiresAt={row.expiresAt} />
      </div>
      <div role="gridcell" className="cell cell-actions">
        {actions.map((action) => {
          const reason = action.unavailable?.(row) ?? null
          return (
            <button
              key={action.id}
              type="button"
              className="btn btn-small"
              tabIndex={-1}
              data-row-action={action.id}
              aria-label={action.label(row)}
              title={reason ?? undefined}
              disabled={reason !== null}
              onClick={() => action.run(row)}
            >
              {action.icon}
              <span className="row-action-text">{action.text}</span>
            </button>
          )
        })}
      </div>
    </div>
  )
}

const TableRow = memo(TableRowView) as typeof TableRowView

export function KeyTable<R extends ListRow>({ rows, label, actions, onOpen }: KeyTableProps<R>) {
  const grid = useRef<HTMLDivElement>(null)
  const [rendered, setRendered] = useState(() => firstScreenful(ROW_SIZE))
  const [activeId, setActiveId] = useState<string | null>(null)
  useEffect(() => {
    if (rendered < rows.length) startTransition(() => setRendered(rows.length))
  }, [rows.length, rendered])
  const visible = rendered < rows.length ? rows.slice(0, rendered) : rows
  // The roving tab stop: the remembered row if it is still listed, else the first.
  const activeIndex = Math.max(0, activeId === null ? 0 : visible.findIndex((row) => row.id === activeId))

  const onFocusRow = useCallback((index: number) => setActiveId(rows[index]?.id ?? null), [rows])

  const rowElement = (index: number) => grid.current?.querySelector<HTMLElement>(`[role="row"][data-row-index="${index}"]`) ?? null

  function focusRow(index: number) {
    const bounded = Math.min(Math.max(index, 0), visible.length - 1)
    const row = visible[bounded]
    if (!row) return
    setActiveId(row.id)
    const element = rowElement(bounded)
    element?.focus()
    element?.scrollIntoView?.({ block: 'nearest' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement
    const rowNode = target.closest<HTMLElement>('[role="row"][data-row-index]')
    if (!rowNode) return
    const index = Number(rowNode.dataset['rowIndex'])
    const buttons = [...rowNode.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
    const onRow = target === rowNode
    const page = Math.max(1, Math.floor((grid.current?.clientHeight ?? 400) / (rowNode.offsetHeight || 40)) - 1)
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: event.ctrlKey || onRow ? 0 : undefined,
      End: event.ctrlKey || onRow ? visible.length - 1 : undefined,
      PageDown: index + page,
      PageUp: index - page,
    }
    const to = moves[event.key]
    if (to !== undefined) {
      event.preventDefault()
      focusRow(to)
      return
    }
    if (event.key === 'ArrowRight') {
      event.preventDefault()
      const next = onRow ? buttons[0] : buttons[buttons.indexOf(target as HTMLButtonElement) + 1]
      next?.focus()
    } else if (event.key === 'ArrowLeft' && !onRow) {
      event.preventDefault()
      const position = buttons.indexOf(target as HTMLButtonElement)
      ;(position > 0 ? buttons[position - 1] : rowNode)?.focus()
    } else if (event.key === 'Enter' && onRow && onOpen) {
      event.preventDefault()
      const row = visible[index]
      if (row) onOpen(row)
    }
  }

  return (
    <div
      ref={grid}
      role="grid"
      className="key-table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-busy={visible.length < rows.length || undefined}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => {
        const rowNode = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-row-index]')
        const row = rowNode ? visible[Number(rowNode.dataset['rowIndex'])] : undefined
        if (row && onOpen && !(event.target as HTMLElement).closest('button')) onOpen(row)
      }}
    >
      <div role="row" className="table-row table-head" aria-rowindex={1}>
        <div role="columnheader" className="cell cell-name">
          Name
        </div>
        <div role="columnheader" className="cell cell-status">
          Status
        </div>
        <div role="columnheader" className="cell cell-money">
          Remaining / limit
        </div>
        <div role="columnheader" className="cell cell-expiry">
          Expires
        </div>
        <div role="columnheader" className="cell cell-actions">
          <span className="visually-hidden">Actions</span>
        </div>
      </div>
      {visible.map((row, index) => (
        <TableRow key={row.id} row={row} index={index} active={index === activeIndex} actions={actions} onFocusRow={onFocusRow} />
      ))}
    </div>
  )
}
