import { useState } from 'react';
import type { QueueSettings, QueueSummary } from '../../../src-shared/api';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatCount, totalJobs } from '../common/format';
import { toApiError, useQueueDetails } from '../api-hooks';
import { MessagePanel } from './MessagePanel';
import { PushPanel } from './PushPanel';

type Tab = 'push' | 'jobs' | 'dead-letters' | 'settings';

interface Props {
  connectionId: string;
  queue: QueueSummary;
  theme: 'light' | 'dark';
  onDelete: () => void;
}

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: number;
  tone?: 'warning';
  testId: string;
}) {
  return (
    <div
      className={`stat${tone === 'warning' && value > 0 ? ' stat-warning' : ''}`}
      data-testid={testId}
    >
      <span className="stat-value">{formatCount(value)}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}

function SettingsTable({ title, settings }: { title: string; settings: QueueSettings | null }) {
  if (settings === null) return <p className="muted">{title}: missing.</p>;
  const rows: Array<[string, string]> = [
    ['SQS name', settings.sqsName],
    ['URL', settings.url],
    ['FIFO', settings.fifo ? 'yes' : 'no'],
    ['Content-based deduplication', settings.contentBasedDeduplication ? 'yes' : 'no'],
    ['Visibility timeout', `${settings.visibilityTimeoutSeconds} s`],
    ['Receive wait time', `${settings.receiveWaitTimeSeconds} s`],
    ['Retention', `${Math.round(settings.retentionSeconds / 86400)} days`],
    ['Maximum job size', `${formatCount(settings.maximumMessageBytes)} bytes`],
    [
      'Max receive count',
      settings.maxReceiveCount === null ? 'none' : String(settings.maxReceiveCount),
    ],
    ['Dead-letter target', settings.deadLetterTargetArn ?? 'none'],
  ];
  return (
    <div className="settings-block">
      <h4>{title}</h4>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="facts-row">
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Renders one queue: its counts, and tabs to push jobs, look at jobs and dead letters, and read its settings. */
export function QueueView({ connectionId, queue, theme, onDelete }: Props) {
  const name = queue.muquName;
  const details = useQueueDetails(connectionId, queue.kind === 'other' ? null : name);
  const [tab, setTab] = useState<Tab>(
    queue.kind === 'orphan-dead-letter' ? 'dead-letters' : 'push',
  );

  if (queue.kind === 'other' || name === null) {
    return (
      <div className="queue-view">
        <header className="queue-header">
          <h2 data-testid="queue-title">{queue.sqsName}</h2>
        </header>
        <div className="banner banner-info" data-testid="not-muqu-notice">
          Not a MuQu queue: it is{' '}
          {queue.sqsName.endsWith('.fifo')
            ? 'a FIFO queue without a matching dead-letter queue'
            : 'a standard (non-FIFO) queue'}
          . MuQu Desktop lists it but does not change it.
        </div>
        <dl className="facts">
          <dt>URL</dt>
          <dd className="mono">{queue.url}</dd>
          <dt>Waiting</dt>
          <dd>{formatCount(queue.counts?.visible ?? 0)}</dd>
          <dt>In flight</dt>
          <dd>{formatCount(queue.counts?.inFlight ?? 0)}</dd>
        </dl>
      </div>
    );
  }

  const orphan = queue.kind === 'orphan-dead-letter';
  const mainCounts = details.data?.main?.counts ?? (orphan ? null : queue.counts);
  const deadCounts =
    details.data?.deadLetter?.counts ?? (orphan ? queue.counts : queue.deadLetterCounts);
  const maxReceiveCount = details.data?.main?.maxReceiveCount ?? null;
  const tabs: Array<[Tab, string]> = orphan
    ? [
        ['dead-letters', 'Dead letters'],
        ['settings', 'Settings'],
      ]
    : [
        ['push', 'Push'],
        ['jobs', 'Jobs'],
        ['dead-letters', `Dead letters (${formatCount(totalJobs(deadCounts))})`],
        ['settings', 'Settings'],
      ];

  return (
    <div className="queue-view">
      <header className="queue-header">
        <div>
          <h2 data-testid="queue-title">{name}</h2>
          <p className="muted mono">
            {orphan
              ? `${queue.sqsName} · its main queue ${name}.fifo is gone`
              : `${queue.sqsName} · ${queue.deadLetterSqsName ?? ''}`}
          </p>
        </div>
        <button
          type="button"
          className="button button-danger-outline"
          data-testid="delete-queue-button"
          onClick={onDelete}
        >
          {orphan ? 'Delete orphaned queue' : 'Delete queue'}
        </button>
      </header>

      {orphan ? (
        <div className="banner banner-warning" data-testid="orphan-notice">
          This dead-letter queue has no main queue, probably because deleting the queue stopped
          halfway. Read its jobs, then delete it.
        </div>
      ) : null}

      <div className="stats" data-testid="queue-counts">
        {orphan ? null : (
          <>
            <Stat label="waiting" value={mainCounts?.visible ?? 0} testId="count-waiting" />
            <Stat label="in flight" value={mainCounts?.inFlight ?? 0} testId="count-in-flight" />
            <Stat label="delayed" value={mainCounts?.delayed ?? 0} testId="count-delayed" />
          </>
        )}
        <Stat
          label="dead letters"
          value={totalJobs(deadCounts)}
          tone="warning"
          testId="count-dead"
        />
      </div>

      <ErrorBanner error={details.isError ? toApiError(details.error) : null} />

      <div className="tabs" role="tablist" aria-label="Queue views">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`tab-${id}`}
            className={`tab${tab === id ? ' selected' : ''}`}
            onClick={() => setTab(id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const step = event.key === 'ArrowRight' ? 1 : tabs.length - 1;
              const next = tabs[(tabs.findIndex(([tabId]) => tabId === id) + step) % tabs.length];
              if (next === undefined) return;
              setTab(next[0]);
              document.getElementById(`tab-${next[0]}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>

      <div
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="tab-panel"
      >
        {tab === 'push' ? (
          <PushPanel
            key={`${connectionId}/${name}`}
            connectionId={connectionId}
            name={name}
            theme={theme}
          />
        ) : null}
        {tab === 'jobs' ? (
          <MessagePanel
            key={`${connectionId}/${name}/main`}
            connectionId={connectionId}
            name={name}
            role="main"
            counts={mainCounts}
            maxReceiveCount={maxReceiveCount}
            theme={theme}
          />
        ) : null}
        {tab === 'dead-letters' ? (
          <MessagePanel
            key={`${connectionId}/${name}/dead-letter`}
            connectionId={connectionId}
            name={name}
            role="dead-letter"
            counts={deadCounts}
            maxReceiveCount={null}
            theme={theme}
          />
        ) : null}
        {tab === 'settings' ? (
          <div className="panel">
            <SettingsTable title="Main queue" settings={details.data?.main ?? null} />
            <SettingsTable title="Dead-letter queue" settings={details.data?.deadLetter ?? null} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
