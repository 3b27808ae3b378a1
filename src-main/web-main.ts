import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMuquApp } from './app';
import { logger } from './logger';
import { startWebServer } from './transport/http-server';

/**
 * Web mode: the same API and renderer as the Electron app, served to a browser from
 * 127.0.0.1. Used on machines without the Electron binary and by the end-to-end tests.
 */
/** Reads MUQU_WEB_PORT: a port from 1 to 65535, or 0 (the default) for any free port. */
function webPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(
      `MUQU_WEB_PORT=${value} is not a port number. Use 1 to 65535, or unset it.`,
    );
  }
  return port;
}

/** A start-up failure the user can fix, reported as one plain line without a stack trace. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const log = logger.child({ area: 'web' });
  const port = webPort(process.env.MUQU_WEB_PORT);
  const app = await startMuquApp(process.env);
  const buildDirectory = dirname(fileURLToPath(import.meta.url));
  const server = await startWebServer({
    dispatch: app.dispatch,
    rendererDir: join(buildDirectory, '..', 'renderer'),
    log,
    port,
  }).catch(async (error: unknown) => {
    await app.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${port} is already in use. Stop the program using it, or set MUQU_WEB_PORT to another port.`,
      );
    }
    throw error;
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
  if (error instanceof StartupError) {
    process.stderr.write(`MuQu Desktop could not start: ${error.message}\n`);
  } else {
    logger.fatal({ err: error }, 'web mode failed to start');
  }
  process.exit(1);
});
