import type { OperationName, OperationResult, Api } from '../../src-shared/api';
import type { z } from 'zod';
import type { Connections } from '../connections/connections';
import { createQueue, deleteQueue, getQueue, listQueues } from '../muqu/queues';
import { fetchJob, peekJob, pushJob, releaseJob, removeJob } from '../muqu/jobs';

type Handlers = {
  [Name in OperationName]: (input: z.infer<Api[Name]['input']>) => Promise<OperationResult<Name>>;
};

/** Implements every operation of the API contract; the transports only carry requests here. */
export function createHandlers(connections: Connections): Handlers {
  const context = (id: string) => connections.context(id);
  return {
    listConnections: () => Promise.resolve(connections.list()),
    listQueues: (input) => listQueues(context(input.connectionId)),
    getQueue: (input) => getQueue(context(input.connectionId), input.name),
    createQueue: (input) => createQueue(context(input.connectionId), input.name),
    deleteQueue: (input) => deleteQueue(context(input.connectionId), input.name, input.kind),
    pushJob: (input) => pushJob(context(input.connectionId), input.name, input.body),
    peekJob: (input) => peekJob(context(input.connectionId), input.name, input.queue),
    fetchJob: (input) => fetchJob(context(input.connectionId), input.name, input.queue),
    removeJob: (input) =>
      removeJob(context(input.connectionId), input.name, input.queue, input.receiptHandle),
    releaseJob: (input) =>
      releaseJob(context(input.connectionId), input.name, input.queue, input.receiptHandle),
  };
}
