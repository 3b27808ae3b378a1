import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { peekJob, pushJob } from '../src-main/muqu/jobs';
import { createQueue, listQueues } from '../src-main/muqu/queues';
import { SANDBOX_REGION } from '../src-main/sandbox/sandbox';
import {
  readMessageCounts,
  readQueueAttributes,
  startTestServer,
  TEST_CREDENTIALS,
  uniqueQueueName,
  type TestServer,
} from './helpers/sqs-sandbox';

const run = promisify(execFile);
const workerScript = join(import.meta.dirname, 'python', 'muqu_worker.py');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** Runs the Python worker against the test sandbox and returns its parsed output. */
async function runWorker<T>(command: 'consume' | 'produce', name: string, value: string) {
  const { stdout } = await run('python3', [workerScript, command, name, value], {
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      MUQU_TEST_ENDPOINT: server.sandbox.endpoint,
      AWS_REGION: SANDBOX_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      // Keeps boto3 away from any local AWS configuration and the metadata address.
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  return JSON.parse(stdout) as T;
}

/** Picks the main-queue attributes that MuQu sets, with the redrive count as stored. */
function muquAttributesOf(attributes: Record<string, string>) {
  const policy = JSON.parse(attributes.RedrivePolicy ?? '{}') as Record<string, unknown>;
  return {
    fifo: attributes.FifoQueue,
    contentBasedDeduplication: attributes.ContentBasedDeduplication,
    receiveWaitTimeSeconds: attributes.ReceiveMessageWaitTimeSeconds,
    visibilityTimeout: attributes.VisibilityTimeout,
    maxReceiveCount: policy.maxReceiveCount,
  };
}

interface ConsumeOutput {
  jobs: Array<{ data?: unknown; is_dict?: boolean; missing?: boolean }>;
}

describe('Python worker on app queue', () => {
  const bodies = [
    '{"task": "resize", "size": 1}',
    '{"task":"upload","tags":["a","b"]}',
    '{\n  "city": "Zürich",\n  "note": "deploy done 🚀"\n}',
  ];
  let name: string;
  let output: ConsumeOutput;

  beforeAll(async () => {
    name = uniqueQueueName('python-consumes');
    await createQueue(server.context, name);
    for (const body of bodies) await pushJob(server.context, name, body);
    output = await runWorker<ConsumeOutput>('consume', name, String(bodies.length));
  }, 90_000);

  it('receives jobs in push order', () => {
    expect(output.jobs.map((job) => job.data)).toEqual(
      bodies.map((body) => JSON.parse(body) as unknown),
    );
  });

  it('parses every job as dict', () => {
    expect(output.jobs.map((job) => job.is_dict)).toEqual([true, true, true]);
  });

  it('removes every job', async () => {
    const counts = await readMessageCounts(server.sqs, sqsQueueNames(name).main);

    expect(counts).toEqual({ visible: 0, inFlight: 0 });
  });
});

describe('app on Python-made queue', () => {
  const job = { city: 'Zürich', note: 'deploy done 🚀', sizes: [1, 2], nested: { ok: true } };
  let name: string;
  let pushedBody: string;

  beforeAll(async () => {
    name = uniqueQueueName('python-produces');
    const output = await runWorker<{ body: string }>('produce', name, JSON.stringify(job));
    pushedBody = output.body;
  }, 90_000);

  it('receives ASCII-escaped body from Python', () => {
    expect(pushedBody).toContain('"city": "Z\\u00fcrich"');
  });

  it('lists Python queue as MuQu pair', async () => {
    const queues = await listQueues(server.context);
    const entry = queues.find((queue) => queue.muquName === name);

    expect(entry?.kind).toBe('muqu');
    expect(entry?.counts?.visible).toBe(1);
  });

  it('writes same attributes as app', async () => {
    const appName = uniqueQueueName('app-made');
    await createQueue(server.context, appName);

    const python = await readQueueAttributes(server.sqs, sqsQueueNames(name).main);
    const app = await readQueueAttributes(server.sqs, sqsQueueNames(appName).main);

    expect(muquAttributesOf(python)).toEqual(muquAttributesOf(app));
  });

  it('peeks job that parses to same object', async () => {
    const { message } = await peekJob(server.context, name, 'main');

    expect(message?.body).toBe(pushedBody);
    expect(JSON.parse(message?.body ?? 'null')).toEqual(job);
  });

  it('reports Python group id', async () => {
    const { message } = await peekJob(server.context, name, 'main');

    expect(message?.messageGroupId).toBe('MessageGroupId');
    expect(message?.maxReceiveCount).toBe(2);
  });
});
