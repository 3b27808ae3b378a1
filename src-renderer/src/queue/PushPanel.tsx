import { useCallback } from 'react';
import { useSessionState } from '../common/session-state';
import { parseJobText } from '../../../src-shared/job-text';
import { ErrorBanner } from '../common/ErrorBanner';
import { formatClock } from '../common/format';
import { toApiError, useApiMutation } from '../api-hooks';
import { JobEditor } from './JobEditor';

interface Props {
  connectionId: string;
  name: string;
  theme: 'light' | 'dark';
}

/** The text of a new job: an empty object, ready to fill in. */
const EMPTY_JOB = '{\n  \n}';

interface LastPush {
  messageId: string;
  sequenceNumber: string | null;
  duplicateOfPushAt: number | null;
  at: number;
}

/**
 * Pushes one JSON job. The draft is kept per queue for the session, the text is
 * checked while typing, and a push SQS would drop as a duplicate is called out.
 */
export function PushPanel({ connectionId, name, theme }: Props) {
  // The draft is kept per queue for the session, so switching queues loses nothing typed.
  const [text, setText] = useSessionState(`draft\n${connectionId}\n${name}`, EMPTY_JOB);
  const [lastPush, setLastPush] = useSessionState<LastPush | null>(
    `push\n${connectionId}\n${name}`,
    null,
  );
  const push = useApiMutation('pushJob', connectionId);

  const check = parseJobText(text);

  const update = setText;

  const format = () => {
    if (check.ok) update(JSON.stringify(check.value, null, 2));
  };

  const submit = useCallback(() => {
    if (!parseJobText(text).ok || push.isPending) return;
    push.mutate(
      { connectionId, name, body: text },
      {
        // The result banner below the editor reports the push; a toast would cover it.
        onSuccess: (result) => setLastPush({ ...result, at: Date.now() }),
      },
    );
  }, [connectionId, name, push, setLastPush, text]);

  return (
    <section className="panel" aria-labelledby="push-heading">
      <div className="panel-header">
        <h3 id="push-heading">Push a job</h3>
        <p className="muted">
          A job is a JSON object. Workers receive jobs in the order they were pushed.
        </p>
      </div>

      <JobEditor
        value={text}
        onChange={update}
        onSubmit={submit}
        theme={theme}
        label="Job JSON"
        testId="job-editor"
      />

      <p
        className={check.ok ? 'field-help' : 'field-error'}
        data-testid="job-editor-status"
        aria-live="polite"
      >
        {check.ok ? 'Valid JSON object.' : check.message}
      </p>

      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="format-button"
          onClick={format}
          disabled={!check.ok}
        >
          Format
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="push-button"
          onClick={submit}
          disabled={!check.ok || push.isPending}
          title="Ctrl+Enter"
        >
          {push.isPending ? 'Pushing…' : 'Push job'}
        </button>
        <span className="muted keyboard-hint">Ctrl+Enter pushes</span>
      </div>

      <ErrorBanner
        error={push.isError ? toApiError(push.error) : null}
        onDismiss={() => push.reset()}
      />

      {lastPush === null ? null : lastPush.duplicateOfPushAt === null ? (
        <div className="banner banner-success" data-testid="push-result">
          Pushed at {formatClock(lastPush.at)} · message {lastPush.messageId}
          {lastPush.sequenceNumber === null ? '' : ` · sequence ${lastPush.sequenceNumber}`}
        </div>
      ) : (
        <div className="banner banner-warning" data-testid="push-result" role="alert">
          Not added: an identical job was pushed to this queue at{' '}
          {formatClock(lastPush.duplicateOfPushAt)}. SQS drops a job whose text matches one sent in
          the last 5 minutes. Change the job (for example add a field such as &quot;requestId&quot;)
          to push it again.
        </div>
      )}
    </section>
  );
}
