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
    const key = this.key(sqsQueueName, body);
    const now = this.now();
    this.prune(now);

    const earlier = this.firstPushAt.get(key);
    if (earlier !== undefined) return earlier;

    this.firstPushAt.set(key, now);
    return null;
  }

  /** Drops a push that SQS did not accept, so that sending it again is not called a duplicate. */
  forget(sqsQueueName: string, body: string): void {
    this.firstPushAt.delete(this.key(sqsQueueName, body));
  }

  /** Drops every push to a queue, after the queue is deleted. */
  forgetQueue(sqsQueueName: string): void {
    for (const key of this.firstPushAt.keys()) {
      if (key.startsWith(`${sqsQueueName}\n`)) this.firstPushAt.delete(key);
    }
  }

  private key(sqsQueueName: string, body: string): string {
    return `${sqsQueueName}\n${createHash('sha256').update(body).digest('hex')}`;
  }

  private prune(now: number): void {
    for (const [key, pushedAt] of this.firstPushAt) {
      if (now - pushedAt >= DEDUPLICATION_WINDOW_MS) this.firstPushAt.delete(key);
    }
  }
}
