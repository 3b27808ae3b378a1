import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { ipcChannel, operationNames } from '../src-shared/api';
import { startMuquApp, type MuquApp } from './app';
import { logger } from './logger';

const log = logger.child({ area: 'electron' });
const buildDirectory = dirname(fileURLToPath(import.meta.url));

function registerIpc(muqu: MuquApp, window: BrowserWindow): void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      // Only the app's own window may call the API, never a frame it did not create.
      if (
        event.sender !== window.webContents ||
        event.senderFrame !== window.webContents.mainFrame
      ) {
        log.warn({ operation: name }, 'rejected IPC from an unknown sender');
        return {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'Request from an unknown window.' },
        };
      }
      return muqu.dispatch(name, input);
    });
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'MuQu Desktop',
    webPreferences: {
      preload: join(buildDirectory, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  // The app has one page; links open in the system browser, nothing navigates the window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer !== undefined && !app.isPackaged) {
    void window.loadURL(devServer);
  } else {
    void window.loadFile(join(buildDirectory, '../renderer/index.html'));
  }
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  const muqu = await startMuquApp(process.env);
  const window = createWindow();
  registerIpc(muqu, window);

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void muqu.stop());
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'MuQu Desktop failed to start');
  app.exit(1);
});
