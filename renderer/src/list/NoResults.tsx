// What an empty search says, with the one way back.
export function NoResults({ query, onClear }: { query: string; onClear(): void }) {
  return (
    <div className="no-results" data-testid="no-results">
      <p>{query.trim() ? `No key matches “${query.trim()}”.` : 'No key has that status.'}</p>
      <button type="button" className="btn btn-small" onClick={onClear}>
        Show all keys
      </button>
    </div>
  )
}
