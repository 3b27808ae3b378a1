import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '../logger';
import { ReceiptRegistry } from './receipts';
import { RecentPushes } from './recent-pushes';
import { RecentDeletions } from './recent-deletions';
import { QueueUrlCache } from './queue-urls';
import { QueueSettingsCache } from './settings-cache';
import { HeadMemory } from './head-memory';

/** Everything the MuQu operations need for one connection. */
export interface MuquContext {
  sqs: SQSClient;
  /** The endpoint as shown to the user, for error messages. */
  endpoint: string;
  log: Logger;
  urls: QueueUrlCache;
  settings: QueueSettingsCache;
  heads: HeadMemory;
  receipts: ReceiptRegistry;
  pushes: RecentPushes;
  deletions: RecentDeletions;
  now: () => number;
}

export function createMuquContext(sqs: SQSClient, endpoint: string, log: Logger): MuquContext {
  const now = () => Date.now();
  return {
    sqs,
    endpoint,
    log,
    urls: new QueueUrlCache(sqs),
    settings: new QueueSettingsCache(now),
    heads: new HeadMemory(),
    receipts: new ReceiptRegistry(now),
    pushes: new RecentPushes(now),
    deletions: new RecentDeletions(now),
    now,
  };
}
