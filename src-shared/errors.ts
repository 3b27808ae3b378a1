import { z } from 'zod';

/**
 * Stable error codes that cross the API boundary. The renderer decides what to show
 * from the code; the message is already written for a person.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'INVALID_QUEUE_NAME',
  'INVALID_JSON',
  'NOT_A_JSON_OBJECT',
  'CONNECTION_NOT_FOUND',
  'CONNECTION_FAILED',
  'CREDENTIALS_MISSING',
  'CREDENTIALS_EXPIRED',
  'ACCESS_DENIED',
  'QUEUE_NOT_FOUND',
  'QUEUE_EXISTS',
  'QUEUE_DELETED_RECENTLY',
  'NOT_A_MUQU_QUEUE',
  'RECEIPT_HANDLE_EXPIRED',
  'RECEIPT_HANDLE_INVALID',
  'MESSAGE_TOO_LARGE',
  'INVALID_MESSAGE_CONTENTS',
  'THROTTLED',
  'UNSUPPORTED_PROTOCOL',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  /** A plain-words account of what happened and what to do next. */
  message: z.string(),
  /** The AWS error name when the error came from SQS, such as `QueueDoesNotExist`. */
  awsName: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** An error thrown inside the main process that is safe to send to the renderer as is. */
export class MuquError extends Error {
  readonly code: ErrorCode;
  readonly awsName: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { awsName?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'MuquError';
    this.code = code;
    this.awsName = options?.awsName;
  }

  toApiError(): ApiError {
    return this.awsName === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, awsName: this.awsName };
  }
}
