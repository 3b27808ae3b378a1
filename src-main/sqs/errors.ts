import { MuquError, type ErrorCode } from '../../src-shared/errors';

/**
 * AWS error names, grouped by what the user can do about them. Servers disagree on
 * the spelling: AWS returns `QueueDoesNotExist` over the JSON protocol, while
 * fauxqs 2.4 and older tools use the query-protocol names such as
 * `AWS.SimpleQueueService.NonExistentQueue`, so both are listed.
 */
const codeByAwsName: Record<string, ErrorCode> = {
  QueueDoesNotExist: 'QUEUE_NOT_FOUND',
  'AWS.SimpleQueueService.NonExistentQueue': 'QUEUE_NOT_FOUND',
  QueueAlreadyExists: 'QUEUE_EXISTS',
  QueueNameExists: 'QUEUE_EXISTS',
  'AWS.SimpleQueueService.QueueNameExists': 'QUEUE_EXISTS',
  QueueDeletedRecently: 'QUEUE_DELETED_RECENTLY',
  'AWS.SimpleQueueService.QueueDeletedRecently': 'QUEUE_DELETED_RECENTLY',
  ReceiptHandleIsInvalid: 'RECEIPT_HANDLE_INVALID',
  MessageNotInflight: 'RECEIPT_HANDLE_INVALID',
  InvalidMessageContents: 'INVALID_MESSAGE_CONTENTS',
  AccessDenied: 'ACCESS_DENIED',
  AccessDeniedException: 'ACCESS_DENIED',
  'AWS.SimpleQueueService.UnsupportedOperation': 'INTERNAL',
  InvalidClientTokenId: 'CREDENTIALS_MISSING',
  UnrecognizedClientException: 'CREDENTIALS_MISSING',
  SignatureDoesNotMatch: 'CREDENTIALS_MISSING',
  CredentialsProviderError: 'CREDENTIALS_MISSING',
  ExpiredToken: 'CREDENTIALS_EXPIRED',
  ExpiredTokenException: 'CREDENTIALS_EXPIRED',
  RequestExpired: 'CREDENTIALS_EXPIRED',
  ThrottlingException: 'THROTTLED',
  RequestThrottled: 'THROTTLED',
  'AWS.SimpleQueueService.RequestThrottled': 'THROTTLED',
};

const adviceByCode: Partial<Record<ErrorCode, string>> = {
  QUEUE_NOT_FOUND:
    'The queue does not exist in this account and region. Refresh the list; if the queue ' +
    'should be there, check the connection region.',
  QUEUE_EXISTS:
    'A queue with this name already exists with different settings, so MuQu cannot use it. ' +
    'Pick another name.',
  QUEUE_DELETED_RECENTLY:
    'A queue with this name was deleted less than 60 seconds ago. Wait a minute, then try again.',
  RECEIPT_HANDLE_INVALID:
    'This fetch is no longer valid: the job became visible again or was removed. ' +
    'Fetch the job again, then remove it.',
  INVALID_MESSAGE_CONTENTS:
    'The job contains characters SQS does not accept: control characters other than tab, ' +
    'newline and carriage return, U+FFFE, U+FFFF or unpaired surrogates. Remove them and ' +
    'push again.',
  ACCESS_DENIED:
    'The credentials of this connection are not allowed to do this. Ask for the ' +
    'SQS permissions listed in the README.',
  CREDENTIALS_MISSING:
    'SQS did not accept the credentials of this connection. Check the access key and secret.',
  CREDENTIALS_EXPIRED: 'The credentials of this connection have expired. Renew them and retry.',
  THROTTLED: 'SQS is throttling requests. Wait a few seconds and try again.',
};

/**
 * Prefix of some query-protocol error names, such as `AWS.SimpleQueueService.NonExistentQueue`.
 * AWS uses it on a few names only, but fauxqs 2.4 puts it on every name, such as
 * `AWS.SimpleQueueService.InvalidParameterValue`. Lookups therefore also try the bare name.
 */
const QUERY_ERROR_PREFIX = 'AWS.SimpleQueueService.';

function withoutQueryPrefix(name: string): string {
  return name.startsWith(QUERY_ERROR_PREFIX) ? name.slice(QUERY_ERROR_PREFIX.length) : name;
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

function asSdkError(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? error : {};
}

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/**
 * Turns any error thrown by an SQS call into a {@link MuquError} with a stable code
 * and a message with the user's next step. `endpoint` names the server in network errors.
 */
export function toMuquError(error: unknown, endpoint: string): MuquError {
  if (error instanceof MuquError) return error;

  const sdkError = asSdkError(error);
  const name = typeof sdkError.name === 'string' ? sdkError.name : 'Error';
  const serverMessage = typeof sdkError.message === 'string' ? sdkError.message : '';

  const bareName = withoutQueryPrefix(name);
  const mapped = codeByAwsName[name] ?? codeByAwsName[bareName];
  if (mapped !== undefined) {
    const advice = adviceByCode[mapped] ?? serverMessage;
    return new MuquError(mapped, advice, { awsName: name, cause: error });
  }

  if (bareName === 'InvalidParameterValue' || bareName === 'InvalidParameterValueException') {
    if (/receipt handle/i.test(serverMessage)) {
      return new MuquError('RECEIPT_HANDLE_INVALID', adviceByCode.RECEIPT_HANDLE_INVALID ?? '', {
        awsName: name,
        cause: error,
      });
    }
    if (/shorter than|too long|message size/i.test(serverMessage)) {
      return new MuquError('MESSAGE_TOO_LARGE', `SQS rejected the job: ${serverMessage}`, {
        awsName: name,
        cause: error,
      });
    }
    return new MuquError('INVALID_INPUT', `SQS rejected the request: ${serverMessage}`, {
      awsName: name,
      cause: error,
    });
  }

  if (typeof sdkError.code === 'string' && networkErrorCodes.has(sdkError.code)) {
    return new MuquError(
      'CONNECTION_FAILED',
      `Could not reach ${endpoint} (${sdkError.code}). Check that the server is running and the ` +
        'endpoint is right.',
      { cause: error },
    );
  }

  // The SDK speaks the AWS JSON 1.0 protocol, so a server that responds in XML or HTML
  // (ElasticMQ before 1.4, LocalStack 0.14) makes the response parser throw.
  const status = sdkError.$response?.statusCode ?? sdkError.$metadata?.httpStatusCode;
  if (
    name === 'SyntaxError' ||
    /Unexpected token|Deserialization error|not valid JSON/i.test(serverMessage)
  ) {
    return new MuquError(
      'UNSUPPORTED_PROTOCOL',
      `${endpoint} answered${status === undefined ? '' : ` with HTTP ${status}`} in a format the ` +
        'SQS client cannot read. The server probably does not support the AWS JSON 1.0 protocol ' +
        '(x-amz-json-1.0); upgrade it (ElasticMQ 1.4 or newer, a current LocalStack).',
      { cause: error },
    );
  }

  const detail = serverMessage === '' ? name : `${name}: ${serverMessage}`;
  return new MuquError('INTERNAL', `The SQS request failed (${detail}).`, {
    awsName: name === 'Error' ? undefined : name,
    cause: error,
  });
}
