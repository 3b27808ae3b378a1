import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { QueueCounts, QueueSettings } from '../../src-shared/api';
import type { MuquContext } from './context';

function toInt(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

export async function readAttributes(
  context: MuquContext,
  url: string,
): Promise<Record<string, string>> {
  const { Attributes } = await context.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
  );
  return Attributes ?? {};
}

export function countsFrom(attributes: Record<string, string>): QueueCounts {
  return {
    visible: toInt(attributes.ApproximateNumberOfMessages, 0),
    inFlight: toInt(attributes.ApproximateNumberOfMessagesNotVisible, 0),
    delayed: toInt(attributes.ApproximateNumberOfMessagesDelayed, 0),
  };
}

interface RedrivePolicy {
  deadLetterTargetArn: string | null;
  maxReceiveCount: number | null;
}

/** Parses a RedrivePolicy attribute; SQS and the MuQu library store the count as a string. */
export function parseRedrivePolicy(value: string | undefined): RedrivePolicy {
  if (value === undefined || value === '')
    return { deadLetterTargetArn: null, maxReceiveCount: null };
  try {
    const policy = JSON.parse(value) as {
      deadLetterTargetArn?: unknown;
      maxReceiveCount?: unknown;
    };
    const count = Number(policy.maxReceiveCount);
    return {
      deadLetterTargetArn:
        typeof policy.deadLetterTargetArn === 'string' ? policy.deadLetterTargetArn : null,
      maxReceiveCount: Number.isInteger(count) && count > 0 ? count : null,
    };
  } catch {
    return { deadLetterTargetArn: null, maxReceiveCount: null };
  }
}

export function settingsFrom(
  sqsName: string,
  url: string,
  attributes: Record<string, string>,
): QueueSettings {
  const redrive = parseRedrivePolicy(attributes.RedrivePolicy);
  return {
    sqsName,
    url,
    counts: countsFrom(attributes),
    fifo: attributes.FifoQueue === 'true',
    contentBasedDeduplication: attributes.ContentBasedDeduplication === 'true',
    visibilityTimeoutSeconds: toInt(attributes.VisibilityTimeout, 30),
    receiveWaitTimeSeconds: toInt(attributes.ReceiveMessageWaitTimeSeconds, 0),
    retentionSeconds: toInt(attributes.MessageRetentionPeriod, 345_600),
    maximumMessageBytes: toInt(attributes.MaximumMessageSize, 1_048_576),
    maxReceiveCount: redrive.maxReceiveCount,
    deadLetterTargetArn: redrive.deadLetterTargetArn,
  };
}
