import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Returns the directory of the installed `electron` package, or null when it is not installed. */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Returns the path of the Electron executable when it is installed, else null.
 *
 * This reads the files that `electron/index.js` reads (path.txt and dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) instead of calling `require('electron')`, because in
 * electron 45.6 that require starts a download of the binary when it is missing.
 */
export function electronBinaryPath() {
  const packageDir = electronPackageDir();
  if (packageDir === null) return null;

  let relativePath;
  try {
    relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relativePath === '') return null;

  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable =
    overrideDir !== undefined && overrideDir !== ''
      ? join(overrideDir, relativePath)
      : join(packageDir, 'dist', relativePath);
  return existsSync(executable) ? executable : null;
}

/**
 * Returns why a window cannot be shown, or null when it can: on Linux a window needs
 * an X11 or Wayland display, and other systems always have one.
 */
export function missingDisplayReason() {
  if (process.platform !== 'linux') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'neither DISPLAY nor WAYLAND_DISPLAY is set';
}
