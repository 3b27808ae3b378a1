import type { z } from 'zod';
import { api, SQS_MAX_MESSAGE_BYTES, type OperationName } from '../../src-shared/api';
import { MuquError, type ApiError, type ApiResult } from '../../src-shared/errors';
import type { Logger } from '../logger';
import type { createHandlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<ApiResult<unknown>>;

/** Turns the first schema issue of a request into an API error a person can act on. */
function describeInvalidInput(issue: z.core.$ZodIssue | undefined): ApiError {
  const field = issue?.path.join('.') ?? '';
  const detail = issue?.message ?? 'invalid';
  if (field === 'name') return { code: 'INVALID_QUEUE_NAME', message: detail };
  if (field === 'body' && issue?.code === 'too_big') {
    return {
      code: 'MESSAGE_TOO_LARGE',
      message: `The job is longer than SQS allows (${SQS_MAX_MESSAGE_BYTES.toLocaleString('en')} bytes). Make it smaller.`,
    };
  }
  return { code: 'INVALID_INPUT', message: field === '' ? detail : `${field}: ${detail}` };
}

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(api, name);
}

/**
 * Builds the single entry point both transports call: it checks the operation name
 * and the input against the contract's schema, runs the handler and returns the
 * outcome as data. Unexpected errors are logged in full here and reach the renderer
 * only as a generic INTERNAL error, so no stack trace or file path leaves the process.
 */
export function createDispatch(handlers: ReturnType<typeof createHandlers>, log: Logger): Dispatch {
  return async (name, input) => {
    if (!isOperationName(name)) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Unknown operation "${name.slice(0, 80)}".` },
      };
    }

    const parsed = api[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: describeInvalidInput(parsed.error.issues[0]) };
    }

    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof MuquError) {
        // Errors of the app's own checks carry no cause and need no stack trace.
        const details = { operation: name, code: error.code, awsName: error.awsName };
        if (error.cause === undefined) log.info(details, 'operation rejected');
        else log.warn({ ...details, err: error.cause }, 'operation failed');
        return { ok: false, error: error.toApiError() };
      }
      log.error({ operation: name, err: error }, 'operation failed unexpectedly');
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong inside MuQu Desktop. The log has the details.',
        },
      };
    }
  };
}
