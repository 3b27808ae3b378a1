import { useState } from 'react';
import type {
  FetchedMessage,
  PeekedMessage,
  QueueCounts,
  QueueRole,
} from '../../../src-shared/api';
import { Dialog } from '../common/Dialog';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatCount, plural, totalJobs } from '../common/format';
import { useNow } from '../common/use-now';
import { useSessionState } from '../common/session-state';
import { useToast } from '../common/toasts';
import { toApiError, useApiMutation } from '../api-hooks';
import { MessageView } from './MessageView';

interface Props {
  connectionId: string;
  name: string;
  role: QueueRole;
  counts: QueueCounts | null;
  maxReceiveCount: number | null;
  /** From the main process, which remembers the head across reloads of the window. */
  headAtReceiveLimit: HeadAtLimit | null;
  theme: 'light' | 'dark';
}

type Shown =
  | { mode: 'peek'; message: PeekedMessage; deadLetteredMessageId: string | null }
  | { mode: 'fetch'; message: FetchedMessage; deadLetteredMessageId: string | null }
  | { mode: 'empty' }
  | null;

/** The head job seen last, when its next receive moves it to the dead-letter queue. */
export interface HeadAtLimit {
  messageId: string;
  receiveCount: number;
  maxReceiveCount: number;
}

function atLimit(message: PeekedMessage): HeadAtLimit | null {
  const limit = message.maxReceiveCount;
  if (limit === null || message.receiveCount < limit) return null;
  return {
    messageId: message.messageId,
    receiveCount: message.receiveCount,
    maxReceiveCount: limit,
  };
}

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
export function MessagePanel({
  connectionId,
  name,
  role,
  counts,
  maxReceiveCount,
  headAtReceiveLimit,
  theme,
}: Props) {
  const [shown, setShown] = useSessionState<Shown>(
    `shown\n${connectionId}\n${name}\n${role}`,
    null,
  );
  const [pendingReceive, setPendingReceive] = useState<ReceiveKind | null>(null);
  // The head the latest receive returned, newer than the queue details until they refresh.
  const [lastHead, setLastHead] = useState<HeadAtLimit | null | undefined>(undefined);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const peek = useApiMutation('peekJob', connectionId);
  const fetch = useApiMutation('fetchJob', connectionId);
  const remove = useApiMutation('removeJob', connectionId);
  const release = useApiMutation('releaseJob', connectionId);
  const toast = useToast();
  const now = useNow(shown?.mode === 'fetch');

  const busy = peek.isPending || fetch.isPending || remove.isPending || release.isPending;
  const lastError =
    [peek, fetch, remove, release].find((mutation) => mutation.isError)?.error ?? null;
  const fetched = shown?.mode === 'fetch' ? shown.message : null;
  const fetchExpired = fetched !== null && fetched.visibleAgainAt <= now;
  const isMain = role === 'main';
  const testScope = isMain ? 'message-panel-main' : 'message-panel-dead-letter';

  // Until this panel has received anything, the main process's memory of the head counts.
  const headWarning = lastHead === undefined ? headAtReceiveLimit : lastHead;

  const resetErrors = () => [peek, fetch, remove, release].forEach((mutation) => mutation.reset());

  const receive = (kind: ReceiveKind) => {
    resetErrors();
    const input = { connectionId, name, queue: role } as const;
    if (kind === 'peek') {
      peek.mutate(input, {
        onSuccess: ({ message, deadLetteredMessageId }) => {
          if (message !== null) setLastHead(atLimit(message));
          setShown(
            message === null ? { mode: 'empty' } : { mode: 'peek', message, deadLetteredMessageId },
          );
        },
      });
    } else {
      fetch.mutate(input, {
        onSuccess: ({ message, deadLetteredMessageId }) => {
          if (message !== null) setLastHead(atLimit(message));
          setShown(
            message === null
              ? { mode: 'empty' }
              : { mode: 'fetch', message, deadLetteredMessageId },
          );
        },
      });
    }
  };

  const requestReceive = (kind: ReceiveKind) => {
    if (isMain && headWarning !== null) {
      setPendingReceive(kind);
      return;
    }
    receive(kind);
  };

  const finishFetched = (action: 'remove' | 'release') => {
    if (fetched === null) return;
    resetErrors();
    const mutation = action === 'remove' ? remove : release;
    mutation.mutate(
      { connectionId, name, queue: role, receiptHandle: fetched.receiptHandle },
      {
        onSuccess: () => {
          setLastHead(null);
          setShown(null);
          toast('success', action === 'remove' ? 'Job removed.' : releasedText(role));
        },
      },
    );
  };

  const warned = pendingReceive === null ? null : headWarning;

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
          onClick={() => requestReceive('peek')}
        >
          {peek.isPending ? 'Peeking…' : 'Peek'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="fetch-button"
          disabled={busy || fetched !== null}
          onClick={() => requestReceive('fetch')}
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
        onClose={() => setPendingReceive(null)}
        testId="receive-warning-dialog"
      >
        <div className="dialog-body">
          <p>
            The next job has been received {warned?.receiveCount ?? 0} times and the limit is{' '}
            {warned?.maxReceiveCount ?? 0}. If you {pendingReceive ?? 'peek'} now, SQS moves it to
            the dead-letter queue instead, and workers will not get it.
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => setPendingReceive(null)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              data-testid="receive-warning-continue"
              onClick={() => {
                const kind = pendingReceive;
                setPendingReceive(null);
                if (kind !== null) receive(kind);
              }}
            >
              {pendingReceive === 'fetch' ? 'Fetch anyway' : 'Peek anyway'}
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
