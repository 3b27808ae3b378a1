/** Receipt handles whose queue is kept after use; older ones are dropped. */
const MAX_REMEMBERED_QUEUES = 10_000;

/**
 * Receipt handles this app received, with the time SQS hands their message out
 * again. AWS rejects a FIFO receipt handle once that time has passed. Some local
 * servers (fauxqs 2.4) accept it, so the app checks the deadline itself.
 */

export class ReceiptRegistry {
  private readonly deadlines = new Map<string, number>();
  private readonly queues = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** Records a handle, its deadline and, when known, the SQS queue it came from. */
  remember(receiptHandle: string, visibleAgainAt: number, sqsQueueName?: string): void {
    this.prune();
    this.deadlines.set(receiptHandle, visibleAgainAt);
    if (sqsQueueName !== undefined) this.queues.set(receiptHandle, sqsQueueName);
  }

  /**
   * Marks a handle as used up, after a remove or a release. Its queue is kept, so that
   * reusing the handle on another queue is still rejected.
   */
  forget(receiptHandle: string): void {
    this.deadlines.delete(receiptHandle);
  }

  /**
   * Returns the SQS queue a handle was issued for, or null when this app did not issue
   * it. fauxqs 2.4 accepts a handle on any queue, where AWS rejects it.
   */
  queueOf(receiptHandle: string): string | null {
    return this.queues.get(receiptHandle) ?? null;
  }

  /**
   * Returns the deadline that has passed for a handle this app issued, or null when
   * the handle is still valid or unknown here (it may come from another client).
   */
  expiredAt(receiptHandle: string): number | null {
    const deadline = this.deadlines.get(receiptHandle);
    return deadline !== undefined && deadline <= this.now() ? deadline : null;
  }

  // Deadlines a day old can never matter again: SQS caps visibility at 12 hours.
  private prune(): void {
    const cutoff = this.now() - 24 * 60 * 60 * 1000;
    for (const [handle, deadline] of this.deadlines) {
      if (deadline < cutoff) this.forget(handle);
    }
    // Maps keep insertion order, so this drops the oldest handles first.
    for (const handle of this.queues.keys()) {
      if (this.queues.size <= MAX_REMEMBERED_QUEUES) break;
      this.queues.delete(handle);
    }
  }
}
