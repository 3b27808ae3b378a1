import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMuquApp } from './app';
import { logger } from './logger';
import { startWebServer } from './transport/http-server';

/**
 * Web mode: the same API and renderer as the Electron app, served to a browser from
 * 127.0.0.1. Used on machines without the Electron binary and by the end-to-end tests.
 */
async function main(): Promise<void> {
  const log = logger.child({ area: 'web' });
  const app = await startMuquApp(process.env);
  const here = dirname(fileURLToPath(import.meta.url));
  const port = Number(process.env.MUQU_WEB_PORT ?? '0');
  const server = await startWebServer({
    dispatch: app.dispatch,
    rendererDir: join(here, '..', 'renderer'),
    log,
    port: Number.isInteger(port) ? port : 0,
  });

  // The URL carries the token, so it goes to the terminal of the person who started
  // the app and never into the log.
  process.stdout.write(
    `MuQu Desktop is running in web mode. Open this URL in a browser:\n${server.url}\n`,
  );

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await server.close();
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'web mode failed to start');
  process.exit(1);
});
