import type { ApiResult } from './errors';
import type { OperationInput, OperationName, OperationResult } from './api';
import { operationNames } from './api';

/** The typed client the renderer calls: one async function per operation. */
export type ApiClient = {
  [Name in OperationName]: (
    input: OperationInput<Name>,
  ) => Promise<ApiResult<OperationResult<Name>>>;
};

/** Sends one request over a transport and resolves with the result as data. */
export type Invoke = (name: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

/** Builds an {@link ApiClient} over any transport, one function per operation of the contract. */
export function createApiClient(invoke: Invoke): ApiClient {
  const entries = operationNames.map((name) => [name, (input: unknown) => invoke(name, input)]);
  return Object.fromEntries(entries) as ApiClient;
}
