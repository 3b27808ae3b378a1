/**
 * Direct SQS access to the local sandbox of a web-mode server, for setting up queues
 * that the app itself would never create (standard queues, orphaned dead-letter
 * queues) and for acting as a worker beside the app.
 */
import {
  CreateQueueCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';

/** The sandbox only ever listens on the loopback address. */
const LOOPBACK_ENDPOINT = /^http:\/\/127\.0\.0\.1:\d+\/?$/;

/**
 * Creates an SQS client for the sandbox at `endpoint`, with fixed dummy credentials
 * and region, so that the SDK reads no AWS configuration and queries no instance metadata service.
 * Throws when `endpoint` is not a 127.0.0.1 URL.
 */
export function sandboxClient(endpoint: string): SQSClient {
  if (!LOOPBACK_ENDPOINT.test(endpoint)) {
    throw new Error(
      `Expected a sandbox endpoint such as http://127.0.0.1:4566, got "${endpoint}".`,
    );
  }
  return new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'e2e-test', secretAccessKey: 'e2e-test' },
    maxAttempts: 1,
  });
}

/** Creates a queue with `attributes` and returns its URL. */
export async function createQueue(
  client: SQSClient,
  name: string,
  attributes: Record<string, string> = {},
): Promise<string> {
  const created = await client.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  if (created.QueueUrl === undefined) throw new Error(`CreateQueue ${name} returned no QueueUrl.`);
  return created.QueueUrl;
}

/** Returns the URL of the queue named `name`. */
export async function queueUrl(client: SQSClient, name: string): Promise<string> {
  const result = await client.send(new GetQueueUrlCommand({ QueueName: name }));
  if (result.QueueUrl === undefined) throw new Error(`GetQueueUrl ${name} returned no QueueUrl.`);
  return result.QueueUrl;
}

/** Returns the names of the queues whose name starts with `prefix`. */
export async function queueNames(client: SQSClient, prefix: string): Promise<string[]> {
  const result = await client.send(new ListQueuesCommand({ QueueNamePrefix: prefix }));
  return (result.QueueUrls ?? []).map((url) => url.slice(url.lastIndexOf('/') + 1));
}

/** Sends `body` in the message group MuQu uses, which a FIFO queue requires. */
export async function sendToFifo(client: SQSClient, queueUrl: string, body: string): Promise<void> {
  await client.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageGroupId: 'MessageGroupId',
      MessageDeduplicationId: randomUUID(),
    }),
  );
}

/**
 * Receives one message as a MuQu worker does (the queue's visibility timeout), which
 * leaves it in flight. Returns its body, or null when none arrived within 2 s.
 */
export async function receiveAsWorker(client: SQSClient, queueUrl: string): Promise<string | null> {
  const result = await client.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 2 }),
  );
  return result.Messages?.[0]?.Body ?? null;
}
