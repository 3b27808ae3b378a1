import type { Connection } from '../../../src-shared/api';
import type { ThemeChoice } from './theme';

interface Props {
  connections: Connection[];
  connectionId: string | null;
  onConnectionChange: (id: string) => void;
  theme: ThemeChoice;
  onThemeChange: (choice: ThemeChoice) => void;
}

export function TopBar({
  connections,
  connectionId,
  onConnectionChange,
  theme,
  onThemeChange,
}: Props) {
  const active = connections.find((connection) => connection.id === connectionId);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          µq
        </span>
        <span className="brand-name">MuQu Desktop</span>
      </div>

      <label className="field-inline">
        <span>Connection</span>
        <select
          data-testid="connection-select"
          value={connectionId ?? ''}
          onChange={(event) => onConnectionChange(event.target.value)}
        >
          {connections.map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.label}
            </option>
          ))}
        </select>
      </label>

      {active === undefined ? null : (
        <div className="connection-facts" data-testid="connection-facts" title={active.description}>
          <span className={`pill ${active.kind === 'sandbox' ? 'pill-sandbox' : 'pill-remote'}`}>
            {active.kind === 'sandbox' ? 'In memory' : 'Remote'}
          </span>
          <span>
            Region <strong data-testid="connection-region">{active.region}</strong>
          </span>
          <span className="muted endpoint" data-testid="connection-endpoint">
            {active.endpoint}
          </span>
        </div>
      )}

      <label className="field-inline theme-field">
        <span>Theme</span>
        <select
          data-testid="theme-select"
          value={theme}
          onChange={(event) => onThemeChange(event.target.value as ThemeChoice)}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
