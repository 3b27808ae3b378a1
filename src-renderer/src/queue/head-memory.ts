import type { PeekedMessage, QueueRole } from '../../../src-shared/api';

/**
 * The last head-of-queue job seen per queue in this session. SQS cannot tell a job's
 * receive count without receiving it, so the warning before the receive that would
 * move a job to the DLQ rests on what the previous peek or fetch returned.
 */
const lastSeen = new Map<string, PeekedMessage>();

function key(connectionId: string, name: string, role: QueueRole): string {
  return `${connectionId}\n${name}\n${role}`;
}

export function rememberHead(
  connectionId: string,
  name: string,
  role: QueueRole,
  message: PeekedMessage | null,
): void {
  if (message === null) lastSeen.delete(key(connectionId, name, role));
  else lastSeen.set(key(connectionId, name, role), message);
}

export function forgetHead(connectionId: string, name: string, role: QueueRole): void {
  lastSeen.delete(key(connectionId, name, role));
}

/** Returns the last seen head job when the next receive would move it to the DLQ. */
export function headAtReceiveLimit(
  connectionId: string,
  name: string,
  role: QueueRole,
): PeekedMessage | null {
  const message = lastSeen.get(key(connectionId, name, role));
  if (message?.maxReceiveCount === null || message === undefined) return null;
  return message.receiveCount >= message.maxReceiveCount ? message : null;
}
