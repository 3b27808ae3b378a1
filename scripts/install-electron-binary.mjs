// postinstall: tries once to download the Electron binary, and never fails the install.
//
// The electron package (45.6 here) has no install script of its own: it downloads the
// binary the first time something calls `require('electron')`, and it ignores
// ELECTRON_SKIP_BINARY_DOWNLOAD. Setup scripts set that variable anyway, for older
// electron versions. This script tries the download whether the variable is set or
// not, with the variable removed, so a machine with internet access gets the binary
// at install time. Where the download fails, `npm start` runs web mode instead and the
// Electron end-to-end tests are skipped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinaryPath, electronPackageDir } from './electron-binary.mjs';

// The binary is about 100 MB. A closed network fails in under a second, and this bound
// only matters on a network that stalls.
const DEFAULT_TIMEOUT_SECONDS = 600;

function timeoutMilliseconds() {
  const configured = Number(process.env.MUQU_ELECTRON_DOWNLOAD_TIMEOUT_SECONDS);
  const seconds =
    Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_SECONDS;
  return seconds * 1000;
}

/** Returns the first line of the child's output that describes the failure. */
function failureSummary(result) {
  if (result.error?.code === 'ETIMEDOUT') {
    return `download timed out after ${timeoutMilliseconds() / 1000} s`;
  }
  if (result.error !== undefined) return result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines[0] ?? `install.js exited with code ${result.status}`;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function main() {
  const packageDir = electronPackageDir();
  // Without the electron package (an install that omits dev dependencies) there is nothing to do.
  if (packageDir === null) return;
  if (electronBinaryPath() !== null) return;

  const environment = { ...process.env };
  delete environment.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    env: environment,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMilliseconds(),
    killSignal: 'SIGKILL',
  });

  if (result.status === 0 && electronBinaryPath() !== null) {
    console.log('Electron binary installed.');
    return;
  }
  console.log(
    `Electron binary not installed (${failureSummary(result)}); ` +
      '`npm start` will fall back to web mode.',
  );
}

try {
  main();
} catch (error) {
  // Whatever went wrong, the install itself must still succeed.
  const message = error instanceof Error ? error.message : String(error);
  console.log(
    `Electron binary not installed (${message}); \`npm start\` will fall back to web mode.`,
  );
}
