import { useState } from 'react';
import {
  MUQU_MAX_NAME_LENGTH,
  muquNameProblem,
  sqsQueueNames,
} from '../../../src-shared/muqu-names';
import { Dialog } from '../common/Dialog';
import { ErrorBanner } from '../common/ErrorBanner';
import { toApiError, useApiMutation } from '../api-hooks';
import type { QueueSummary } from '../../../src-shared/api';

interface Props {
  open: boolean;
  connectionId: string;
  existingSqsNames: ReadonlySet<string>;
  onClose: () => void;
  onCreated: (queue: QueueSummary) => void;
}

/** Creates a MuQu queue; the name is checked on every keystroke with the same rule the main process applies. */
export function CreateQueueDialog({
  open,
  connectionId,
  existingSqsNames,
  onClose,
  onCreated,
}: Props) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useApiMutation('createQueue', connectionId);

  const names = sqsQueueNames(name);
  const exists = existingSqsNames.has(names.main) || existingSqsNames.has(names.deadLetter);
  const problem =
    muquNameProblem(name) ??
    (exists ? `A queue named "${name}" already exists. Pick another name.` : null);
  const showProblem = problem !== null && (touched || name.length > 0);

  // Cancel starts the next attempt from an empty name, so nothing gets appended to it.
  const close = () => {
    setName('');
    setTouched(false);
    create.reset();
    onClose();
  };

  const submit = () => {
    setTouched(true);
    if (problem !== null || create.isPending) return;
    create.mutate(
      { connectionId, name },
      {
        onSuccess: (queue) => {
          setName('');
          setTouched(false);
          onCreated(queue);
        },
      },
    );
  };

  return (
    <Dialog open={open} title="New queue" onClose={close} testId="create-queue-dialog">
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>Queue name</span>
          <input
            autoFocus
            data-testid="create-queue-name"
            value={name}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={showProblem}
            aria-describedby="create-queue-help"
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setTouched(true)}
          />
        </label>
        <p
          id="create-queue-help"
          className={showProblem ? 'field-error' : 'field-help'}
          data-testid="create-queue-error"
        >
          {showProblem
            ? problem
            : name === ''
              ? `Letters, digits, - and _, at most ${MUQU_MAX_NAME_LENGTH} characters.`
              : `Creates ${names.main} and its dead-letter queue ${names.deadLetter}.`}
        </p>
        <p className="field-counter" aria-hidden="true">
          {name.length} / {MUQU_MAX_NAME_LENGTH}
        </p>
        <ErrorBanner error={create.isError ? toApiError(create.error) : null} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid="create-queue-submit"
            disabled={problem !== null || create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create queue'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
