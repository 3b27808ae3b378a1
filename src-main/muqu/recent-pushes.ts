import { createHash } from 'node:crypto';

/** SQS content-based deduplication drops a body sent again within 5 minutes. */
export const DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000;

/**
 * Bodies pushed from this app per queue, hashed, so that a push SQS will silently
 * drop can be reported. Pushes from other clients are invisible here.
 */
export class RecentPushes {
  private readonly firstPushAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** Records a push and returns the time of an identical push still in the window, or null. */
  record(sqsQueueName: string, body: string): number | null {
    const key = `${sqsQueueName}\n${createHash('sha256').update(body).digest('hex')}`;
    const now = this.now();
    this.prune(now);

    const earlier = this.firstPushAt.get(key);
    if (earlier !== undefined) return earlier;

    this.firstPushAt.set(key, now);
    return null;
  }

  private prune(now: number): void {
    for (const [key, pushedAt] of this.firstPushAt) {
      if (now - pushedAt >= DEDUPLICATION_WINDOW_MS) this.firstPushAt.delete(key);
    }
  }
}
