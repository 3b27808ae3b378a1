import { createDispatch, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { Connections } from './connections/connections';
import { logger } from './logger';
import { startSandbox } from './sandbox/sandbox';

export interface MuquApp {
  dispatch: Dispatch;
  connections: Connections;
  sandboxEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts what both transports share: the local sandbox server, the connections and
 * the API dispatcher. `environment` is normally `process.env`.
 */
export async function startMuquApp(environment: NodeJS.ProcessEnv): Promise<MuquApp> {
  const log = logger.child({ area: 'app' });
  const sandboxPort = Number(environment.MUQU_SANDBOX_PORT ?? '0');
  const sandbox = await startSandbox(Number.isInteger(sandboxPort) ? sandboxPort : 0);
  log.info({ endpoint: sandbox.endpoint }, 'local sandbox started');

  const connections = new Connections(logger.child({ area: 'connections' }));
  connections.addSandbox(sandbox);
  connections.addFromEnvironment(environment);

  const dispatch = createDispatch(createHandlers(connections), logger.child({ area: 'api' }));
  return {
    dispatch,
    connections,
    sandboxEndpoint: sandbox.endpoint,
    stop: async () => {
      connections.destroy();
      await sandbox.stop();
      log.info('local sandbox stopped');
    },
  };
}
