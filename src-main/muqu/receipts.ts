/**
 * Receipt handles this app received, with the time SQS hands their message out
 * again. AWS rejects a FIFO receipt handle once that time has passed; some local
 * servers (fauxqs 2.4) accept it, so the app checks the deadline itself instead of
 * relying on the server.
 */
export class ReceiptRegistry {
  private readonly deadlines = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  remember(receiptHandle: string, visibleAgainAt: number): void {
    this.prune();
    this.deadlines.set(receiptHandle, visibleAgainAt);
  }

  /** Marks a handle as used up, after a remove or a release. */
  forget(receiptHandle: string): void {
    this.deadlines.delete(receiptHandle);
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
      if (deadline < cutoff) this.deadlines.delete(handle);
    }
  }
}
