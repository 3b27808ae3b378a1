import { createDispatch, type Dispatch } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { Connections } from '../../src-main/connections/connections';
import type { Sandbox } from '../../src-main/sandbox/sandbox';
import type { ApiResult } from '../../src-shared/errors';
import { silentLogger } from './sqs-sandbox';

export interface TestDispatch {
  dispatch: Dispatch;
  connections: Connections;
}

/**
 * Wires the app's dispatcher as startMuquApp does, but over a sandbox the test owns
 * and with a silent logger.
 */
export function createTestDispatch(
  sandbox: Sandbox,
  environment: NodeJS.ProcessEnv = {},
): TestDispatch {
  const connections = new Connections(silentLogger);
  connections.addSandbox(sandbox);
  connections.addFromEnvironment(environment);
  const dispatch = createDispatch(createHandlers(connections), silentLogger);
  return { dispatch, connections };
}

/** Returns the data of a successful result and throws with the error otherwise. */
export function dataOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}
