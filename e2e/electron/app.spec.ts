/**
 * The Electron shell: window, preload bridge, isolation and the IPC transport. The
 * operations themselves are covered in web mode; these tests check that the Electron
 * path carries them. Without the Electron binary or a display they are skipped.
 *
 * NOTE: no machine that builds this project has had the Electron binary yet, so these
 * tests have never run. The API calls and expected results were checked over the web
 * transport, which uses the same dispatcher.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  operationNames,
  type OperationInput,
  type OperationName,
  type OperationResult,
} from '../../src-shared/api';
import type { ApiResult } from '../../src-shared/errors';
import {
  electronSkipReason,
  launchElectronApp,
  type LaunchedElectronApp,
} from '../fixtures/electron-app';

const skipReason = electronSkipReason();
test.skip(skipReason !== null, skipReason ?? '');

let launched: LaunchedElectronApp | null = null;
let window: Page;

test.beforeAll(async () => {
  launched = await launchElectronApp();
  window = await launched.app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await launched?.close();
});

/** Calls one operation through the preload bridge, as the renderer does. */
async function callApi<Name extends OperationName>(
  name: Name,
  input: OperationInput<Name>,
): Promise<ApiResult<OperationResult<Name>>> {
  const result = await window.evaluate(
    ([operation, request]) => {
      const bridge = (globalThis as { muquApi?: Record<string, (input: unknown) => unknown> })
        .muquApi;
      if (bridge === undefined) throw new Error('window.muquApi is missing');
      return bridge[operation]!(request);
    },
    [name, input] as const,
  );
  return result as ApiResult<OperationResult<Name>>;
}

/** Returns the data of a successful result, failing the test with the API error otherwise. */
function dataOf<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`API error ${result.error.code}: ${result.error.message}`);
  return result.data;
}

test('window opens with app title', async () => {
  await expect(window).toHaveTitle('MuQu Desktop');
  const visible = await launched!.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((browserWindow) => browserWindow.isVisible()),
  );
  expect(visible).toEqual([true]);
});

test('app uses fresh user data dir', async () => {
  const userData = await launched!.app.evaluate(({ app }) => app.getPath('userData'));
  expect(userData).toBe(launched!.userDataDir);
});

test('muquApi exposes exactly the contract', async () => {
  const exposed = await window.evaluate(() => {
    const bridge = (globalThis as { muquApi?: Record<string, unknown> }).muquApi;
    if (bridge === undefined) return null;
    return Object.keys(bridge).map((key) => [key, typeof bridge[key]] as const);
  });
  expect(exposed).not.toBeNull();
  expect(exposed!.map(([key]) => key).sort()).toEqual([...operationNames].sort());
  for (const [key, type] of exposed!) {
    expect(type, `muquApi.${key}`).toBe('function');
  }
});

test('page has no Node.js globals', async () => {
  const types = await window.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
    };
  });
  expect(types.require).toBe('undefined');
  expect(types.process).toBe('undefined');
  expect(types.module).toBe('undefined');
  expect(types.Buffer).toBe('undefined');
});

test('listConnections works over IPC', async () => {
  const connections = dataOf(await callApi('listConnections', {}));
  const sandbox = connections.find((connection) => connection.kind === 'sandbox');
  expect(sandbox).toBeDefined();
  expect(sandbox!.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
});

test('queue lifecycle works over IPC', async () => {
  const connections = dataOf(await callApi('listConnections', {}));
  const connectionId = connections.find((connection) => connection.kind === 'sandbox')!.id;
  const name = `e2e-electron-${Date.now()}`;

  const created = dataOf(await callApi('createQueue', { connectionId, name }));
  expect(created.muquName).toBe(name);

  const body = JSON.stringify({ task: 'resize', id: 7 });
  const pushed = dataOf(await callApi('pushJob', { connectionId, name, body }));
  expect(pushed.messageId).not.toBe('');

  const fetched = dataOf(await callApi('fetchJob', { connectionId, name, queue: 'main' }));
  expect(fetched.message).not.toBeNull();
  expect(fetched.message!.body).toBe(body);

  const receiptHandle = fetched.message!.receiptHandle;
  dataOf(await callApi('removeJob', { connectionId, name, queue: 'main', receiptHandle }));
  const details = dataOf(await callApi('getQueue', { connectionId, name }));
  expect(details.main?.counts).toEqual({ visible: 0, inFlight: 0, delayed: 0 });

  const deleted = dataOf(await callApi('deleteQueue', { connectionId, name }));
  expect(deleted.deleted).toHaveLength(2);
  const queues = dataOf(await callApi('listQueues', { connectionId }));
  expect(queues.map((queue) => queue.muquName)).not.toContain(name);
});

test('invalid input is rejected as data', async () => {
  const result = await callApi('createQueue', { connectionId: 'sandbox', name: 'bad name!' });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe('INVALID_QUEUE_NAME');
});
