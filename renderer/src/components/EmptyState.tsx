// First run: what the app is for, and the one click that gets a key.
import { KeyIcon, ShieldIcon } from './Icons'

export function EmptyState({ onConnect, onAddKey }: { onConnect(): void; onAddKey(): void }) {
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-art" aria-hidden="true">
        <KeyIcon size={40} />
      </div>
      <h2 id="empty-title">No keys yet</h2>
      <p>Connect your OpenRouter account in one click: approve in your browser and the new key appears here with its limit, usage and expiry.</p>
      <p className="empty-secure">
        <ShieldIcon />
        Keys stay in your OS keychain, never in a file, and this window only ever sees their last four characters.
      </p>
      <div className="button-row button-row-center">
        <button type="button" className="btn btn-primary btn-large" onClick={onConnect}>
          <KeyIcon />
          Connect OpenRouter
        </button>
        <button type="button" className="btn btn-link" onClick={onAddKey}>
          or add a key you already have
        </button>
      </div>
    </section>
  )
}
