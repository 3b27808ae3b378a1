import type { PeekedMessage, SeenHead } from '../../src-shared/api';

/**
 * The last job seen at the head of each main queue, by SQS queue name. SQS cannot
 * report a job's receive count without receiving the job, so the warning before the
 * receive that would dead-letter it rests on the last peek or fetch through this app.
 * It lives in the main process, so a reload of the window keeps it.
 */
export class HeadMemory {
  private readonly heads = new Map<string, SeenHead>();

  /**
   * Records what a receive returned and returns the id of the previous head when that
   * job was at its receive limit and another job came back instead: SQS has most likely
   * moved it to the dead-letter queue. An empty receive changes nothing, because the
   * head may just be in flight with a worker.
   */
  record(sqsQueueName: string, message: PeekedMessage | null): string | null {
    if (message === null) return null;

    const previous = this.atLimit(sqsQueueName);
    if (message.maxReceiveCount === null) {
      this.heads.delete(sqsQueueName);
    } else {
      this.heads.set(sqsQueueName, {
        messageId: message.messageId,
        receiveCount: message.receiveCount,
        maxReceiveCount: message.maxReceiveCount,
      });
    }
    const moved = previous !== null && previous.messageId !== message.messageId;
    return moved ? previous.messageId : null;
  }

  /** Returns the last seen head when its next receive moves it to the dead-letter queue. */
  atLimit(sqsQueueName: string): SeenHead | null {
    const head = this.heads.get(sqsQueueName);
    return head !== undefined && head.receiveCount >= head.maxReceiveCount ? head : null;
  }

  forget(sqsQueueName: string): void {
    this.heads.delete(sqsQueueName);
  }
}
