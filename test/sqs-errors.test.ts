import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GetQueueUrlCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { createMuquContext, type MuquContext } from '../src-main/muqu/context';
import { MESSAGE_GROUP_ID } from '../src-main/muqu/jobs';
import { createQueue, listQueues } from '../src-main/muqu/queues';
import { createSqsClient } from '../src-main/sqs/client';
import { toMuquError } from '../src-main/sqs/errors';
import { SANDBOX_REGION } from '../src-main/sandbox/sandbox';
import {
  queueUrlOf,
  rejectionOf,
  silentLogger,
  startTestServer,
  TEST_CREDENTIALS,
  uniqueQueueName,
  type TestServer,
} from './helpers/sqs-sandbox';

/** Creates a MuQu context for an endpoint with the app's own SQS client factory. */
function contextFor(endpoint: string): MuquContext {
  const sqs = createSqsClient({ endpoint, region: SANDBOX_REGION, credentials: TEST_CREDENTIALS });
  return createMuquContext(sqs, endpoint, silentLogger);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('server speaking only the query protocol', () => {
  // Both servers respond in XML, as ElasticMQ before 1.4 and LocalStack 0.14 did.
  const xmlError =
    '<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type>' +
    '<Code>InvalidAction</Code><Message>The action or operation requested is invalid.</Message>' +
    '</Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>';
  const xmlList =
    '<?xml version="1.0"?><ListQueuesResponse><ListQueuesResult></ListQueuesResult>' +
    '<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListQueuesResponse>';
  let errorServer: Server;
  let listServer: Server;
  let errorEndpoint: string;
  let listEndpoint: string;

  beforeAll(async () => {
    errorServer = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'text/xml' });
      response.end(xmlError);
    });
    listServer = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(xmlList);
    });
    errorEndpoint = await listen(errorServer);
    listEndpoint = await listen(listServer);
  });

  afterAll(async () => {
    await close(errorServer);
    await close(listServer);
  });

  it('maps XML error to UNSUPPORTED_PROTOCOL', async () => {
    const error = await rejectionOf(listQueues(contextFor(errorEndpoint)));

    expect(error).toMatchObject({ code: 'UNSUPPORTED_PROTOCOL' });
  });

  it('names status and protocol in message', async () => {
    const error = await rejectionOf(listQueues(contextFor(errorEndpoint)));

    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('x-amz-json-1.0');
  });

  it('maps XML success to UNSUPPORTED_PROTOCOL', async () => {
    const error = await rejectionOf(listQueues(contextFor(listEndpoint)));

    expect(error).toMatchObject({ code: 'UNSUPPORTED_PROTOCOL' });
  });
});

describe('unreachable server', () => {
  it('maps refused connection to CONNECTION_FAILED', async () => {
    const unused = createServer();
    const endpoint = await listen(unused);
    await close(unused);

    const error = await rejectionOf(listQueues(contextFor(endpoint)));

    expect(error).toMatchObject({ code: 'CONNECTION_FAILED' });
    expect(error.message).toContain(endpoint);
  });
});

describe('toMuquError with fauxqs errors', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('maps missing queue to QUEUE_NOT_FOUND', async () => {
    const error = await rejectionOf(
      server.sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue.fifo' })),
    );

    expect(toMuquError(error, server.sandbox.endpoint).code).toBe('QUEUE_NOT_FOUND');
  });

  it('maps server size rejection to MESSAGE_TOO_LARGE', async () => {
    const name = uniqueQueueName('large');
    await createQueue(server.context, name);
    const url = await queueUrlOf(server.sqs, sqsQueueNames(name).main);
    await server.sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { MaximumMessageSize: '1024' } }),
    );

    const error = await rejectionOf(
      server.sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x'.repeat(1025),
          MessageGroupId: MESSAGE_GROUP_ID,
        }),
      ),
    );

    expect(toMuquError(error, server.sandbox.endpoint).code).toBe('MESSAGE_TOO_LARGE');
  });

  it('keeps server error name as awsName', async () => {
    const error = await rejectionOf(
      server.sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue.fifo' })),
    );

    expect(toMuquError(error, server.sandbox.endpoint).awsName).toBe('QueueDoesNotExist');
  });

  it('passes MuquError through unchanged', async () => {
    const original = toMuquError(
      await rejectionOf(server.sqs.send(new GetQueueUrlCommand({ QueueName: 'gone.fifo' }))),
      server.sandbox.endpoint,
    );

    expect(toMuquError(original, server.sandbox.endpoint)).toBe(original);
  });
});
