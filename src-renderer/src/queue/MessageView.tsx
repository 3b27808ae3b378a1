import type { FetchedMessage, PeekedMessage } from '../../../src-shared/api';
import { formatTime, prettyBody } from '../common/format';
import { JobEditor } from './JobEditor';

interface Props {
  message: PeekedMessage | FetchedMessage;
  theme: 'light' | 'dark';
}

/** Renders one job: the body pretty-printed, and the attributes SQS returned with it. */
export function MessageView({ message, theme }: Props) {
  const body = prettyBody(message.body);
  const limit = message.maxReceiveCount;
  const atLimit = limit !== null && message.receiveCount >= limit;
  return (
    <div className="message">
      {body.isJson ? null : (
        <p className="field-error">This body is not JSON; it is shown as stored.</p>
      )}
      <JobEditor
        value={body.text}
        onChange={() => undefined}
        theme={theme}
        readOnly
        label="Job body"
        testId="message-body"
        minHeight="120px"
      />
      <dl className="facts">
        <dt>Receive count</dt>
        <dd data-testid="message-receive-count" className={atLimit ? 'text-warning' : undefined}>
          {message.receiveCount}
          {limit === null ? '' : ` of ${limit}`}
          {atLimit ? ' · the next receive moves it to the dead-letter queue' : ''}
        </dd>
        <dt>Message id</dt>
        <dd className="mono">{message.messageId}</dd>
        <dt>Pushed</dt>
        <dd>{formatTime(message.sentAt)}</dd>
        <dt>First received</dt>
        <dd>{formatTime(message.firstReceivedAt)}</dd>
        {message.sequenceNumber === null ? null : (
          <>
            <dt>Sequence number</dt>
            <dd className="mono">{message.sequenceNumber}</dd>
          </>
        )}
        {'receiptHandle' in message ? (
          <>
            <dt>Visible again at</dt>
            <dd>{formatTime(message.visibleAgainAt)}</dd>
            <dt>Receipt handle</dt>
            <dd className="mono" data-testid="message-receipt-handle">
              {message.receiptHandle}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
