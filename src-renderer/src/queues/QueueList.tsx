import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueSummary } from '../../../src-shared/api';
import { formatCount, totalJobs } from '../common/format';

interface Props {
  queues: QueueSummary[];
  selectedSqsName: string | null;
  onSelect: (queue: QueueSummary) => void;
}

const ROW_HEIGHT = 58;

export function displayName(queue: QueueSummary): string {
  return queue.kind === 'other' ? queue.sqsName : (queue.muquName ?? queue.sqsName);
}

function KindNote({ queue }: { queue: QueueSummary }) {
  if (queue.kind === 'orphan-dead-letter') {
    return <span className="tag tag-warning">Orphaned dead-letter queue</span>;
  }
  if (queue.kind === 'other') {
    return <span className="tag">Not a MuQu queue</span>;
  }
  return null;
}

function Counts({ queue }: { queue: QueueSummary }) {
  const counts = queue.counts;
  if (counts === null) return null;
  const dead = totalJobs(queue.deadLetterCounts);
  return (
    <span className="queue-item-counts">
      <span title="Jobs waiting">{formatCount(counts.visible)} waiting</span>
      {counts.inFlight > 0 ? (
        <span title="Fetched and not removed yet">· {formatCount(counts.inFlight)} in flight</span>
      ) : null}
      {counts.delayed > 0 ? <span>· {formatCount(counts.delayed)} delayed</span> : null}
      {dead > 0 ? (
        <span
          className="dead-badge"
          data-testid="queue-dlq-badge"
          title="Jobs in the dead-letter queue"
        >
          {formatCount(dead)} dead
        </span>
      ) : null}
    </span>
  );
}

/**
 * Renders the queues of the connection as a virtual list, so that accounts with
 * thousands of queues stay fast. Up and Down move the selection.
 */
export function QueueList({ queues, selectedSqsName, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: queues.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const noSelection = !queues.some((queue) => queue.sqsName === selectedSqsName);

  const moveSelection = (step: number) => {
    const index = queues.findIndex((queue) => queue.sqsName === selectedSqsName);
    const next = queues[Math.min(queues.length - 1, Math.max(0, index + step))];
    if (next === undefined) return;
    onSelect(next);
    virtualizer.scrollToIndex(queues.indexOf(next));
    window.requestAnimationFrame(() => {
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-sqs-name="${CSS.escape(next.sqsName)}"]`)
        ?.focus();
    });
  };

  return (
    <div
      ref={scrollRef}
      className="queue-list"
      data-testid="queue-list"
      role="listbox"
      aria-label="Queues"
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          moveSelection(event.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const queue = queues[row.index];
          if (queue === undefined) return null;
          const selected = queue.sqsName === selectedSqsName;
          return (
            <button
              type="button"
              key={queue.sqsName}
              role="option"
              aria-selected={selected}
              // One tab stop for the whole list; the arrow keys move inside it.
              tabIndex={selected || (noSelection && row.index === 0) ? 0 : -1}
              data-testid="queue-item"
              data-queue={displayName(queue)}
              data-sqs-name={queue.sqsName}
              className={`queue-item${selected ? ' selected' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(queue)}
            >
              <span className="queue-item-name">{displayName(queue)}</span>
              <span className="queue-item-meta">
                <KindNote queue={queue} />
                <Counts queue={queue} />
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
