import { useState } from 'react';
import type {
  FetchedMessage,
  PeekedMessage,
  QueueCounts,
  QueueRole,
  SeenHead,
} from '../../../src-shared/api';
import { Dialog } from '../common/Dialog';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatCount, plural, totalJobs } from '../common/format';
import { useNow } from '../common/use-now';
import { useSessionState } from '../common/session-state';
import { useToast } from '../common/toasts';
import { call, toApiError, useApiMutation } from '../api-hooks';
import { MessageView } from './MessageView';

interface Props {
  connectionId: string;
  name: string;
  role: QueueRole;
  counts: QueueCounts | null;
  maxReceiveCount: number | null;
  theme: 'light' | 'dark';
}

type ReceiveOutcome =
  | { mode: 'peek'; message: PeekedMessage; deadLetteredMessageId: string | null }
  | { mode: 'fetch'; message: FetchedMessage; deadLetteredMessageId: string | null }
  | { mode: 'empty' }
  | null;

type ReceiveKind = 'peek' | 'fetch';

function releasedText(role: QueueRole): string {
  return role === 'main'
    ? 'Job put back: workers can fetch it now.'
    : 'Job put back in the dead-letter queue.';
}

function modeText(mode: ReceiveKind, role: QueueRole, expired: boolean): string {
  if (mode === 'fetch' && expired) return 'Fetch expired: the job is visible again.';
  if (role === 'dead-letter') {
    return mode === 'peek'
      ? 'Peeked: left in the dead-letter queue.'
      : 'Fetched: hidden until you remove it or put it back.';
  }
  return mode === 'peek' ? 'Peeked: still visible to workers.' : 'Fetched: hidden from workers.';
}

function EmptyResult({ counts }: { counts: QueueCounts | null }) {
  const inFlight = counts?.inFlight ?? 0;
  return (
    <div className="empty-result" data-testid="message-empty">
      <p>No job was handed out.</p>
      {inFlight > 0 ? (
        <p className="muted">
          {plural(inFlight, 'job')} in flight: a worker (or this app) fetched a job and has not
          removed it. A MuQu queue hands out one job at a time, so the next job comes when that one
          is removed or its visibility timeout ends.
        </p>
      ) : (
        <p className="muted">The queue is empty, or its jobs are delayed.</p>
      )}
    </div>
  );
}

function Countdown({ message }: { message: FetchedMessage }) {
  const now = useNow(true);
  const seconds = Math.max(0, Math.ceil((message.visibleAgainAt - now) / 1000));
  return seconds > 0 ? (
    <p className="countdown" data-testid="visibility-countdown">
      Hidden from workers for <strong>{seconds} s</strong>. Remove it to finish the job, or put it
      back now.
    </p>
  ) : (
    <p className="countdown text-warning" data-testid="visibility-countdown">
      This fetch has expired: the job is visible again and a worker may have it. Fetch it again to
      remove it.
    </p>
  );
}

/**
 * Peek, fetch, remove and put back for one queue of a pair (main or dead-letter).
 * Warns before a receive that would move the head job to the dead-letter queue.
 */
export function MessagePanel({ connectionId, name, role, counts, maxReceiveCount, theme }: Props) {
  const [shown, setShown] = useSessionState<ReceiveOutcome>(
    `shown\n${connectionId}\n${name}\n${role}`,
    null,
  );
  const [warned, setWarned] = useState<{ kind: ReceiveKind; head: SeenHead } | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const peek = useApiMutation('peekJob', connectionId);
  const fetch = useApiMutation('fetchJob', connectionId);
  const remove = useApiMutation('removeJob', connectionId);
  const release = useApiMutation('releaseJob', connectionId);
  const toast = useToast();
  const now = useNow(shown?.mode === 'fetch');

  const busy =
    checking || peek.isPending || fetch.isPending || remove.isPending || release.isPending;
  const lastError =
    [peek, fetch, remove, release].find((mutation) => mutation.isError)?.error ?? null;
  const fetched = shown?.mode === 'fetch' ? shown.message : null;
  const fetchExpired = fetched !== null && fetched.visibleAgainAt <= now;
  const isMain = role === 'main';
  const testScope = isMain ? 'message-panel-main' : 'message-panel-dead-letter';

  const resetErrors = () => [peek, fetch, remove, release].forEach((mutation) => mutation.reset());

  const receive = (kind: ReceiveKind) => {
    resetErrors();
    const input = { connectionId, name, queue: role } as const;
    if (kind === 'peek') {
      peek.mutate(input, {
        onSuccess: ({ message, deadLetteredMessageId }) => {
          setShown(
            message === null ? { mode: 'empty' } : { mode: 'peek', message, deadLetteredMessageId },
          );
        },
      });
    } else {
      fetch.mutate(input, {
        onSuccess: ({ message, deadLetteredMessageId }) => {
          setShown(
            message === null
              ? { mode: 'empty' }
              : { mode: 'fetch', message, deadLetteredMessageId },
          );
        },
      });
    }
  };

  // The main process remembers the head job across windows and tabs, so it is asked at
  // every click: another tab may have received the job since this one last did.
  const requestReceive = async (kind: ReceiveKind) => {
    if (!isMain) {
      receive(kind);
      return;
    }
    setChecking(true);
    const head = await call('getQueue', { connectionId, name })
      .then((details) => details.headAtReceiveLimit)
      .catch(() => null)
      .finally(() => setChecking(false));
    if (head === null) receive(kind);
    else setWarned({ kind, head });
  };

  const finishFetched = (action: 'remove' | 'release') => {
    if (fetched === null) return;
    resetErrors();
    const mutation = action === 'remove' ? remove : release;
    mutation.mutate(
      { connectionId, name, queue: role, receiptHandle: fetched.receiptHandle },
      {
        onSuccess: () => {
          setShown(null);
          toast('success', action === 'remove' ? 'Job removed.' : releasedText(role));
        },
      },
    );
  };

  return (
    <section
      className="panel"
      data-testid={testScope}
      aria-label={isMain ? 'Jobs' : 'Dead letters'}
    >
      <div className="panel-header">
        <h3>{isMain ? 'Look at the next job' : 'Dead letters'}</h3>
        {isMain ? (
          <p className="muted">
            Peek shows the next job and leaves it for workers; fetch hides it from them until you
            remove it or put it back. Both count as a receive:
            {maxReceiveCount === null
              ? ' this queue has no dead-letter limit.'
              : ` after ${plural(maxReceiveCount, 'receive')}, the next one moves the job to the dead-letter queue.`}
          </p>
        ) : (
          <p className="muted">
            Jobs that failed too often. Looking at them here is safe: a dead-letter queue moves
            nothing on.{' '}
            <strong data-testid="dead-letter-count">{plural(totalJobs(counts), 'job')}</strong> in
            the dead-letter queue
            {(counts?.inFlight ?? 0) > 0
              ? `, ${formatCount(counts?.inFlight ?? 0)} of them fetched`
              : ''}
            .
          </p>
        )}
      </div>

      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="peek-button"
          disabled={busy || fetched !== null}
          onClick={() => void requestReceive('peek')}
        >
          {peek.isPending ? 'Peeking…' : 'Peek'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="fetch-button"
          disabled={busy || fetched !== null}
          onClick={() => void requestReceive('fetch')}
        >
          {fetch.isPending ? 'Fetching…' : 'Fetch'}
        </button>
        {fetched === null ? null : (
          <>
            <button
              type="button"
              className="button button-danger"
              data-testid="remove-button"
              disabled={busy || fetchExpired}
              onClick={() => setConfirmRemove(true)}
            >
              Remove job
            </button>
            <button
              type="button"
              className="button"
              data-testid="release-button"
              disabled={busy || fetchExpired}
              onClick={() => finishFetched('release')}
            >
              Put back now
            </button>
          </>
        )}
        {fetchExpired ? (
          <button type="button" className="button-quiet" onClick={() => setShown(null)}>
            Clear
          </button>
        ) : null}
      </div>

      <ErrorBanner
        error={lastError === null ? null : toApiError(lastError)}
        onDismiss={resetErrors}
      />

      {shown === null ? null : shown.mode === 'empty' ? (
        <EmptyResult counts={counts} />
      ) : (
        <div className="message-result" data-testid="message-result" data-mode={shown.mode}>
          <p className="message-mode">{modeText(shown.mode, role, fetchExpired)}</p>
          {shown.deadLetteredMessageId === null ? null : (
            <div className="banner banner-warning" data-testid="dead-lettered-notice" role="alert">
              Job {shown.deadLetteredMessageId} had reached its receive limit, so SQS moved it to
              the dead-letter queue. The job below is the next one.
            </div>
          )}
          {shown.mode === 'fetch' ? <Countdown message={shown.message} /> : null}
          <MessageView message={shown.message} theme={theme} />
        </div>
      )}

      <Dialog
        open={warned !== null}
        title="Move this job to the dead-letter queue?"
        onClose={() => setWarned(null)}
        testId="receive-warning-dialog"
      >
        <div className="dialog-body">
          <p>
            The next job has been received {warned?.head.receiveCount ?? 0} times and the limit is{' '}
            {warned?.head.maxReceiveCount ?? 0}. If you {warned?.kind ?? 'peek'} now, SQS moves it
            to the dead-letter queue instead, and workers will not get it.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" autoFocus onClick={() => setWarned(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              data-testid="receive-warning-continue"
              onClick={() => {
                const kind = warned?.kind;
                setWarned(null);
                if (kind !== undefined) receive(kind);
              }}
            >
              {warned?.kind === 'fetch' ? 'Fetch anyway' : 'Peek anyway'}
            </button>
          </div>
        </div>
      </Dialog>

      <Dialog
        open={confirmRemove}
        title="Remove this job?"
        onClose={() => setConfirmRemove(false)}
        testId="remove-job-dialog"
      >
        <div className="dialog-body">
          <p>The job is deleted from the queue for good; no worker will get it.</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => setConfirmRemove(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              data-testid="remove-job-confirm"
              onClick={() => {
                setConfirmRemove(false);
                finishFetched('remove');
              }}
            >
              Remove job
            </button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
