/**
 * Pushes per second through the app's pushJob, against a plain SDK SendMessage loop to
 * a queue of the same kind, both on one in-memory fauxqs sandbox on 127.0.0.1. Run by
 * scripts/run-benchmarks.mjs (`npm run bench`), which prints the result line.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import pino from 'pino';
import { createMuquContext, type MuquContext } from '../src-main/muqu/context';
import { MESSAGE_GROUP_ID, pushJob } from '../src-main/muqu/jobs';
import { createQueue } from '../src-main/muqu/queues';
import { SANDBOX_REGION, startSandbox } from '../src-main/sandbox/sandbox';
import { createSqsClient } from '../src-main/sqs/client';

export interface BenchmarkResult {
  name: string;
  figure: number;
  unit: string;
  baseline: string;
  /** The measured figure divided by the baseline's, measured in the same run. */
  ratio: number;
  /** Lines about how the figures were measured, for stderr. */
  details: string[];
}

const PUSHES_PER_BLOCK = 100;
const BLOCK_PAIRS = 30;
const WARMUP_PUSHES = 1_000;
/** A block stops early after this long, so a slow machine still finishes. */
const BLOCK_TIME_LIMIT_MS = 30_000;

type PushOne = (index: number) => Promise<void>;

/** Pushes up to `count` messages, one after another; returns pushes per second. */
async function measureRate(pushOne: PushOne, count: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  while (done < count && performance.now() - started < BLOCK_TIME_LIMIT_MS) {
    await pushOne(done);
    done += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return done / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function sandboxClient(endpoint: string): SQSClient {
  // The sandbox checks no signatures; these keys are not a secret.
  return createSqsClient({
    endpoint,
    region: SANDBOX_REGION,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
  });
}

/**
 * Measures the two sides in short blocks that alternate, and compares each app block
 * with the SDK block next to it. Load from other processes changes both blocks of a
 * pair alike, so the median of the pair ratios is steadier than a ratio of totals.
 * Each side has its own MuQu queue (FIFO, content-based deduplication) and every body
 * is unique, so SQS deduplication drops nothing.
 */
export async function run(): Promise<BenchmarkResult[]> {
  const sandbox = await startSandbox(0);
  const appClient = sandboxClient(sandbox.endpoint);
  const baselineClient = sandboxClient(sandbox.endpoint);
  try {
    const context: MuquContext = createMuquContext(
      appClient,
      sandbox.endpoint,
      pino({ level: 'silent' }),
    );
    await createQueue(context, 'bench-app');
    const baselineQueue = await createQueue(context, 'bench-baseline');

    let block = 0;
    const pushThroughApp: PushOne = async (index) => {
      const body = JSON.stringify({ side: 'app', block, index });
      await pushJob(context, 'bench-app', body);
    };
    const pushThroughSdk: PushOne = async (index) => {
      const body = JSON.stringify({ side: 'sdk', block, index });
      await baselineClient.send(
        new SendMessageCommand({
          QueueUrl: baselineQueue.url,
          MessageBody: body,
          MessageGroupId: MESSAGE_GROUP_ID,
        }),
      );
    };

    block = -1;
    await measureRate(pushThroughApp, WARMUP_PUSHES);
    await measureRate(pushThroughSdk, WARMUP_PUSHES);

    const appRates: number[] = [];
    const pairRatios: number[] = [];
    for (block = 0; block < BLOCK_PAIRS; block += 1) {
      // Alternating which side goes first spreads any drift over both sides.
      let appRate: number;
      let sdkRate: number;
      if (block % 2 === 0) {
        appRate = await measureRate(pushThroughApp, PUSHES_PER_BLOCK);
        sdkRate = await measureRate(pushThroughSdk, PUSHES_PER_BLOCK);
      } else {
        sdkRate = await measureRate(pushThroughSdk, PUSHES_PER_BLOCK);
        appRate = await measureRate(pushThroughApp, PUSHES_PER_BLOCK);
      }
      appRates.push(appRate);
      pairRatios.push(appRate / sdkRate);
    }

    const percentile = (values: number[], fraction: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
    };
    return [
      {
        name: 'push-job',
        figure: median(appRates),
        unit: 'pushes/s',
        baseline: 'sdk-send-message',
        ratio: median(pairRatios),
        details: [
          `push-job: ${BLOCK_PAIRS} pairs of ${PUSHES_PER_BLOCK}-push blocks per side, one ` +
            `push in flight, after ${WARMUP_PUSHES} warm-up pushes per side.`,
          `push-job: app pushes/s per block: median ${median(appRates).toFixed(0)}, ` +
            `10th percentile ${percentile(appRates, 0.1).toFixed(0)}, ` +
            `90th percentile ${percentile(appRates, 0.9).toFixed(0)}`,
          `push-job: ratio per block pair: median ${median(pairRatios).toFixed(2)}, ` +
            `10th percentile ${percentile(pairRatios, 0.1).toFixed(2)}, ` +
            `90th percentile ${percentile(pairRatios, 0.9).toFixed(2)}`,
        ],
      },
    ];
  } finally {
    appClient.destroy();
    baselineClient.destroy();
    await sandbox.stop();
  }
}
