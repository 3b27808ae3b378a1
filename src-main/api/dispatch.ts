import { api, type OperationName } from '../../src-shared/api';
import { MuquError, type ApiResult } from '../../src-shared/errors';
import type { Logger } from '../logger';
import type { createHandlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<ApiResult<unknown>>;

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
        error: { code: 'INVALID_INPUT', message: `Unknown operation "${name}".` },
      };
    }

    const parsed = api[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const code = field === 'name' ? 'INVALID_QUEUE_NAME' : 'INVALID_INPUT';
      const message =
        field === ''
          ? (issue?.message ?? 'Invalid request.')
          : `${field}: ${issue?.message ?? 'invalid'}`;
      return {
        ok: false,
        error: { code, message: field === 'name' ? (issue?.message ?? message) : message },
      };
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
