// npm start: builds the app, then opens it in Electron when the Electron binary is
// installed and a display is available, and otherwise serves it in web mode.
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, missingDisplayReason } from './electron-binary.mjs';
import { packageBin } from './package-bin.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const forwardedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function build() {
  const result = spawnSync(process.execPath, [packageBin('electron-vite'), 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(
      `start: the build failed (electron-vite exited with ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

// The same signal twice within this window is one request. Ctrl+C under `npm start`
// reaches this process twice, from the terminal and from npm, and a second SIGINT would
// cut the app's shutdown short. A later repeat goes through, to stop a stuck shutdown.
const REPEATED_SIGNAL_WINDOW_MS = 500;

/**
 * Runs the app as a child process until it exits, then exits with its code, or with
 * 128 + the signal number when a signal ended it. Signals sent to this process are
 * forwarded. On POSIX systems the child gets its own process group, so a terminal's
 * Ctrl+C reaches it only through this process.
 */
function runUntilExit(command, args) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: 'inherit',
    detached: process.platform !== 'win32',
  });
  const lastForwardedAt = new Map();
  for (const signal of forwardedSignals) {
    process.on(signal, () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const now = Date.now();
      if (now - (lastForwardedAt.get(signal) ?? -Infinity) < REPEATED_SIGNAL_WINDOW_MS) return;
      lastForwardedAt.set(signal, now);
      child.kill(signal);
    });
  }
  // If this process is ended some other way, the child must not outlive it.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal !== null) process.exit(128 + (constants.signals[signal] ?? 0));
    process.exit(code ?? 1);
  });
}

function main() {
  build();

  const electron = electronBinaryPath();
  const noDisplay = missingDisplayReason();
  if (electron !== null && noDisplay === null) {
    // "." starts the app that package.json's "main" names: out/main/index.js. Chromium
    // refuses to start as root on Linux unless its sandbox is turned off.
    const runningAsRoot = process.platform === 'linux' && process.getuid?.() === 0;
    runUntilExit(electron, runningAsRoot ? ['.', '--no-sandbox'] : ['.']);
    return;
  }

  const reason =
    electron === null
      ? 'the Electron binary is not installed'
      : `there is no display to open a window on (${noDisplay})`;
  console.log(`start: ${reason}, so MuQu Desktop starts in web mode.`);
  runUntilExit(process.execPath, [
    '--no-warnings=ExperimentalWarning',
    join(repoRoot, 'out', 'main', 'web.js'),
  ]);
}

main();
