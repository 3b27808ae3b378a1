/** AWS refuses to create a queue of the same name for 60 seconds after deleting it. */
export const RECREATE_DELAY_MS = 60 * 1000;

/**
 * Queue names this app deleted, so that re-creating one too early fails the same way
 * on every server; fauxqs 2.4 does not enforce the delay.
 */
export class RecentDeletions {
  private readonly deletedAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  record(sqsQueueName: string): void {
    this.deletedAt.set(sqsQueueName, this.now());
  }

  /** Milliseconds left before `sqsQueueName` may be created again; 0 when it may. */
  waitMs(sqsQueueName: string): number {
    const deletedAt = this.deletedAt.get(sqsQueueName);
    if (deletedAt === undefined) return 0;

    const left = deletedAt + RECREATE_DELAY_MS - this.now();
    if (left <= 0) this.deletedAt.delete(sqsQueueName);
    return Math.max(0, left);
  }
}
