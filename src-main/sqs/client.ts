import { SQSClient } from '@aws-sdk/client-sqs';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Creates an SQS client for one endpoint with explicit credentials. The credentials
 * are never the SDK's default chain, because that chain ends at the instance
 * metadata service, which a desktop app must not call.
 */
export function createSqsClient(options: {
  endpoint: string;
  region: string;
  credentials: StaticCredentials;
}): SQSClient {
  return new SQSClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: options.credentials,
    maxAttempts: 3,
  });
}
