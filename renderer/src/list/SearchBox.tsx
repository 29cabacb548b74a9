// Search and status filter over a list. "/" anywhere (outside a field or a dialog) puts the cursor in the search.
import { useEffect, useRef } from 'react'
import { STATUS_FILTERS, type RowFilter, type StatusFilter } from './list-model'
import { CloseIcon } from '../components/Icons'

export interface SearchBoxProps {
  filter: RowFilter
  onChange(filter: RowFilter): void
  /** What is searched, for the label: "keys", "account keys". */
  noun: string
  /** "Showing 3 of 11" is announced when filtering. */
  shown: number
  total: number
}

/** Whether a "/" typed here is text rather than the shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [role="dialog"]') !== null
}

export function SearchBox({ filter, onChange, noun, shown, total }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  const filtering = filter.query.trim() !== '' || filter.status !== 'all'
  return (
    <div className="search" role="search" aria-label={`Search ${noun}`}>
      <div className="search-field">
        <label className="visually-hidden" htmlFor={`search-${noun.replace(/\s+/g, '-')}`}>
          Search {noun} by name, OpenRouter label or status
        </label>
        <input
          ref={input}
          id={`search-${noun.replace(/\s+/g, '-')}`}
          className="input search-input"
          type="search"
          value={filter.query}
          placeholder={`Search ${noun}  /`}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/"
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter.query !== '') {
              event.preventDefault()
              onChange({ ...filter, query: '' })
            }
          }}
        />
        {filter.query ? (
          <button type="button" className="btn btn-ghost btn-icon btn-tiny search-clear" aria-label="Clear search" onClick={() => onChange({ ...filter, query: '' })}>
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <label className="visually-hidden" htmlFor={`filter-${noun.replace(/\s+/g, '-')}`}>
        Show
      </label>
      <select
        id={`filter-${noun.replace(/\s+/g, '-')}`}
        className="input search-status"
        value={filter.status}
        onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}
      >
        {STATUS_FILTERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p className="search-count" role="status" data-testid="search-count">
        {filtering ? `Showing ${shown} of ${total}` : ''}
      </p>
    </div>
  )
}
