import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Queue URLs by SQS name, looked up once with GetQueueUrl. */
export class QueueUrlCache {
  private readonly urls = new Map<string, string>();

  constructor(private readonly sqs: SQSClient) {}

  async get(sqsQueueName: string): Promise<string> {
    const cached = this.urls.get(sqsQueueName);
    if (cached !== undefined) return cached;

    const { QueueUrl } = await this.sqs.send(new GetQueueUrlCommand({ QueueName: sqsQueueName }));
    if (QueueUrl === undefined) throw new Error(`GetQueueUrl returned no URL for ${sqsQueueName}`);
    this.urls.set(sqsQueueName, QueueUrl);
    return QueueUrl;
  }

  set(sqsQueueName: string, url: string): void {
    this.urls.set(sqsQueueName, url);
  }

  forget(sqsQueueName: string): void {
    this.urls.delete(sqsQueueName);
  }
}
