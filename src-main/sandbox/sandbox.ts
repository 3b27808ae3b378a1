import { buildApp } from 'fauxqs';

/** Region the sandbox reports in queue ARNs; any region works against it. */
export const SANDBOX_REGION = 'us-east-1';

interface SandboxServer {
  listen(options: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}

export interface Sandbox {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts an in-memory SQS-compatible server (fauxqs) on 127.0.0.1 and a free port.
 * fauxqs's own `startFauxqs` listens on every interface; its app builder lets the
 * app choose the loopback address, so nothing outside this machine can reach it.
 * Queues and messages last as long as the server runs.
 */
export async function startSandbox(port = 0): Promise<Sandbox> {
  // fauxqs 2.4 ships declarations that import `.ts` paths, which TypeScript cannot
  // resolve from node_modules, so the Fastify instance is typed by what is used here.
  // Without a `host` option, fauxqs 2.4 names queues http://sqs.REGION.localhost:PORT/…
  // The SDK sends every request to the endpoint, so the host in the URL is only shown.
  // NOTE: *.localhost reaches 127.0.0.1 in browsers but not with every system resolver.
  const app = buildApp({
    logger: false,
    defaultRegion: SANDBOX_REGION,
  }) as unknown as SandboxServer;
  const address = await app.listen({ port, host: '127.0.0.1' });
  return {
    endpoint: address,
    stop: async () => {
      await app.close();
    },
  };
}
