import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationResult } from '../../src-shared/api';
import type { ApiError } from '../../src-shared/errors';
import { apiClient } from './api';

/** An API error result, thrown so that React Query puts it in `error`. */
export class ApiRequestError extends Error {
  readonly apiError: ApiError;

  constructor(apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiRequestError';
    this.apiError = apiError;
  }
}

/** Calls one operation and returns its data, throwing {@link ApiRequestError} on an error result. */
export async function call<Name extends OperationName>(
  name: Name,
  input: OperationInput<Name>,
): Promise<OperationResult<Name>> {
  const operation = apiClient[name] as (
    input: OperationInput<Name>,
  ) => Promise<{ ok: true; data: OperationResult<Name> } | { ok: false; error: ApiError }>;
  const result = await operation(input);
  if (!result.ok) throw new ApiRequestError(result.error);
  return result.data;
}

/** Turns any error into the API error shape the UI shows. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiRequestError) return error.apiError;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** How often the open queue refreshes its counts, in milliseconds. */
export const REFRESH_INTERVAL_MS = 5000;

/**
 * Returns how often to refresh a list of `queueCount` queues, in milliseconds. Each
 * refresh reads the counts of every queue and DLQ with one GetQueueAttributes call
 * each, so large accounts refresh less often to keep request volume and cost down.
 */
export function listRefreshIntervalMs(queueCount: number): number {
  if (queueCount <= 50) return REFRESH_INTERVAL_MS;
  if (queueCount <= 500) return 30_000;
  return 120_000;
}

export const queryKeys = {
  connections: ['connections'] as const,
  queues: (connectionId: string) => ['queues', connectionId] as const,
  queue: (connectionId: string, name: string) => ['queue', connectionId, name] as const,
};

export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => call('listConnections', {}) });
}

export function useQueues(connectionId: string | null) {
  return useQuery({
    queryKey: queryKeys.queues(connectionId ?? ''),
    queryFn: () => call('listQueues', { connectionId: connectionId ?? '' }),
    enabled: connectionId !== null,
    refetchInterval: (query) => listRefreshIntervalMs(query.state.data?.length ?? 0),
  });
}

export function useQueueDetails(connectionId: string, name: string | null) {
  return useQuery({
    queryKey: queryKeys.queue(connectionId, name ?? ''),
    queryFn: () => call('getQueue', { connectionId, name: name ?? '' }),
    enabled: name !== null,
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}

/** Refreshes the list and the open queue after anything that changes counts. */
export function useInvalidateQueues(connectionId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.queues(connectionId) }),
      queryClient.invalidateQueries({ queryKey: ['queue', connectionId] }),
    ]);
}

export function useApiMutation<Name extends OperationName>(name: Name, connectionId: string) {
  const invalidate = useInvalidateQueues(connectionId);
  return useMutation({
    mutationFn: (input: OperationInput<Name>) => call(name, input),
    onSettled: () => invalidate(),
  });
}
