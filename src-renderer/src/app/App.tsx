import { useEffect, useMemo, useRef, useState } from 'react';
import type { QueueSummary } from '../../../src-shared/api';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatClock } from '../common/format';
import { useToast } from '../common/toasts';
import { toApiError, useConnections, useQueues } from '../api-hooks';
import { CreateQueueDialog } from '../queues/CreateQueueDialog';
import { DeleteQueueDialog } from '../queues/DeleteQueueDialog';
import { QueueList } from '../queues/QueueList';
import { QueueView } from '../queue/QueueView';
import { TopBar } from './TopBar';
import { useTheme } from './theme';

/** The main window: connection and theme on top, queues on the left, the open queue on the right. */
export function App() {
  const theme = useTheme();
  const toast = useToast();
  const connections = useConnections();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const activeConnectionId = connectionId ?? connections.data?.[0]?.id ?? null;
  const queues = useQueues(activeConnectionId);
  const [selectedSqsName, setSelectedSqsName] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const allQueues = useMemo(() => queues.data ?? [], [queues.data]);
  const visibleQueues = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle === ''
      ? allQueues
      : allQueues.filter((queue) => queue.sqsName.toLowerCase().includes(needle));
  }, [allQueues, search]);
  const existingSqsNames = useMemo(() => {
    const names = allQueues.flatMap((queue) => [queue.sqsName, queue.deadLetterSqsName ?? '']);
    return new Set(names.filter((name) => name !== ''));
  }, [allQueues]);
  let listStatus = `${visibleQueues.length} of ${allQueues.length} queues · updated ${formatClock(queues.dataUpdatedAt)}`;
  if (activeConnectionId === null) listStatus = 'No connection';
  else if (queues.isPending) listStatus = 'Loading queues…';
  const selected = allQueues.find((queue) => queue.sqsName === selectedSqsName) ?? null;

  // "/" jumps to the search box and "n" opens the new-queue dialog, unless the user is typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === 'n') {
        event.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changeConnection = (id: string) => {
    setConnectionId(id);
    setSelectedSqsName(null);
  };

  const onCreated = (queue: QueueSummary) => {
    setCreating(false);
    setSelectedSqsName(queue.sqsName);
    toast('success', `Queue ${queue.muquName ?? queue.sqsName} created.`);
    void queues.refetch();
  };

  const onDeleted = (deleted: string[]) => {
    setDeleting(false);
    setSelectedSqsName(null);
    toast('success', `Deleted ${deleted.join(' and ')}.`);
    void queues.refetch();
  };

  return (
    <div className="app">
      <TopBar
        connections={connections.data ?? []}
        connectionId={activeConnectionId}
        onConnectionChange={changeConnection}
        theme={theme.choice}
        onThemeChange={theme.setChoice}
      />
      <ErrorBanner error={connections.isError ? toApiError(connections.error) : null} />

      <div className="workspace">
        <aside className="sidebar" aria-label="Queues">
          <div className="sidebar-tools">
            <input
              ref={searchRef}
              type="search"
              className="search"
              placeholder="Search queues  /"
              aria-label="Search queues"
              data-testid="queue-search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <button
              type="button"
              className="button button-primary"
              data-testid="new-queue-button"
              disabled={activeConnectionId === null}
              onClick={() => setCreating(true)}
              title="New queue (n)"
            >
              New queue
            </button>
          </div>
          <div className="sidebar-status">
            <span className="muted" data-testid="queue-list-status">
              {listStatus}
            </span>
            <button
              type="button"
              className="button-quiet"
              data-testid="refresh-button"
              onClick={() => void queues.refetch()}
              disabled={queues.isFetching}
              aria-label="Refresh queues"
              title="Refresh queues"
            >
              {queues.isFetching ? '…' : '↻'}
            </button>
          </div>
          <ErrorBanner error={queues.isError ? toApiError(queues.error) : null} />
          {queues.isSuccess && allQueues.length === 0 ? (
            <div className="empty-list" data-testid="queue-list-empty">
              <p>No queues here yet.</p>
              <p className="muted">Create one to push your first job.</p>
            </div>
          ) : (
            <QueueList
              queues={visibleQueues}
              selectedSqsName={selectedSqsName}
              onSelect={(queue) => setSelectedSqsName(queue.sqsName)}
            />
          )}
        </aside>

        <main className="main">
          {selected === null || activeConnectionId === null ? (
            <div className="welcome" data-testid="welcome">
              <h2>MuQu queues</h2>
              <p className="muted">
                Pick a queue on the left, or create one. Every MuQu queue is a FIFO queue with its
                own dead-letter queue; jobs are JSON objects handed to workers one at a time, in
                order.
              </p>
            </div>
          ) : (
            <QueueView
              key={`${activeConnectionId}/${selected.sqsName}`}
              connectionId={activeConnectionId}
              queue={selected}
              theme={theme.resolved}
              onDelete={() => setDeleting(true)}
            />
          )}
        </main>
      </div>

      {activeConnectionId === null ? null : (
        <CreateQueueDialog
          open={creating}
          connectionId={activeConnectionId}
          existingSqsNames={existingSqsNames}
          onClose={() => setCreating(false)}
          onCreated={onCreated}
        />
      )}
      {selected === null || activeConnectionId === null || selected.kind === 'other' ? null : (
        <DeleteQueueDialog
          key={selected.sqsName}
          open={deleting}
          connectionId={activeConnectionId}
          queue={selected}
          onClose={() => setDeleting(false)}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}
