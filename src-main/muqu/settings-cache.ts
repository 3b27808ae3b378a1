import type { QueueSettings } from '../../src-shared/api';

/**
 * How long settings read from GetQueueAttributes are reused by push and peek.
 * Settings such as the visibility timeout rarely change, and one read less per job
 * roughly doubles push throughput (see bench/README.md).
 */
export const SETTINGS_MAX_AGE_MS = 30_000;

/** Queue settings by SQS queue name, each kept for {@link SETTINGS_MAX_AGE_MS}. */
export class QueueSettingsCache {
  private readonly entries = new Map<string, { settings: QueueSettings; readAt: number }>();

  constructor(private readonly now: () => number) {}

  get(sqsQueueName: string): QueueSettings | null {
    const entry = this.entries.get(sqsQueueName);
    if (entry === undefined) return null;
    if (this.now() - entry.readAt >= SETTINGS_MAX_AGE_MS) {
      this.entries.delete(sqsQueueName);
      return null;
    }
    return entry.settings;
  }

  set(sqsQueueName: string, settings: QueueSettings): void {
    this.entries.set(sqsQueueName, { settings, readAt: this.now() });
  }

  forget(sqsQueueName: string): void {
    this.entries.delete(sqsQueueName);
  }
}
