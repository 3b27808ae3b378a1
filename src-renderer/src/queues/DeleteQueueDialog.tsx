import { useState } from 'react';
import type { QueueSummary } from '../../../src-shared/api';
import { Dialog } from '../common/Dialog';
import { ErrorBanner } from '../common/ErrorBanner';
import { plural, totalJobs } from '../common/format';
import { toApiError, useApiMutation } from '../api-hooks';

interface Props {
  open: boolean;
  connectionId: string;
  queue: QueueSummary;
  onClose: () => void;
  onDeleted: (deleted: string[]) => void;
}

/**
 * Confirms deleting a queue by asking for its name, so that the wrong queue is not
 * deleted by a stray click. Says how many jobs go with it.
 */
export function DeleteQueueDialog({ open, connectionId, queue, onClose, onDeleted }: Props) {
  const name = queue.muquName ?? queue.sqsName;
  const [typed, setTyped] = useState('');
  const remove = useApiMutation('deleteQueue', connectionId);
  const jobs = totalJobs(queue.counts);
  const deadJobs = totalJobs(queue.deadLetterCounts);
  const orphan = queue.kind === 'orphan-dead-letter';

  const close = () => {
    setTyped('');
    remove.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      title={orphan ? `Delete orphaned dead-letter queue "${name}"?` : `Delete queue "${name}"?`}
      onClose={close}
      testId="delete-queue-dialog"
    >
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed !== name || remove.isPending) return;
          const kind = orphan ? 'orphan-dead-letter' : 'muqu';
          remove.mutate(
            { connectionId, name, kind },
            { onSuccess: (result) => onDeleted(result.deleted) },
          );
        }}
      >
        <p>
          {orphan
            ? `This deletes ${queue.sqsName} and the ${plural(jobs, 'job')} in it.`
            : `This deletes ${queue.sqsName} with ${plural(jobs, 'job')} and its dead-letter queue ${queue.deadLetterSqsName ?? ''} with ${plural(deadJobs, 'job')}.`}{' '}
          Workers using it will fail. SQS does not allow a queue of the same name for 60 seconds
          afterwards. This cannot be undone.
        </p>
        <label className="field">
          <span>
            Type <strong>{name}</strong> to confirm
          </span>
          <input
            autoFocus
            data-testid="delete-queue-confirm-input"
            value={typed}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <ErrorBanner error={remove.isError ? toApiError(remove.error) : null} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-danger"
            data-testid="delete-queue-confirm"
            disabled={typed !== name || remove.isPending}
          >
            {remove.isPending ? 'Deleting…' : 'Delete queue'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
