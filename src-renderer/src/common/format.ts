/** Formats epoch milliseconds as a local date and time, or a dash when unknown. */
export function formatTime(epochMs: number | null): string {
  if (epochMs === null) return '—';
  return new Date(epochMs).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Returns every job in a queue: waiting, in flight and delayed. */
export function totalJobs(
  counts: { visible: number; inFlight: number; delayed: number } | null,
): number {
  return counts === null ? 0 : counts.visible + counts.inFlight + counts.delayed;
}

/** Formats a count with thousands separators. */
export function formatCount(value: number): string {
  return value.toLocaleString();
}

/** Tries to pretty-print a message body; bodies that are not JSON are returned as they are. */
export function prettyBody(body: string): { text: string; isJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(body), null, 2), isJson: true };
  } catch {
    return { text: body, isJson: false };
  }
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
