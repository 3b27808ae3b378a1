// npm test: runs every check in order and keeps going after a failure, streaming each
// tool's own output. Typecheck, lint, format check and build count as one test each;
// Vitest and Playwright count their tests from their JSON reports. Ends with the line
// "N passed, N failed, N skipped" and exits 1 when anything failed.
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, missingDisplayReason } from './electron-binary.mjs';
import { packageBin } from './package-bin.mjs';
import { readPlaywrightReport, readVitestReport } from './test-reports.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(repoRoot, 'test-results');
const vitestReportPath = join(reportDir, 'vitest.json');
// playwright.config.ts names the same file for its JSON reporter.
const playwrightReportPath = join(reportDir, 'playwright.json');

const MINUTE_MS = 60 * 1000;
// Upper bounds per step, so one hung tool cannot use up CI's 90 minutes on its own.
const STATIC_CHECK_TIMEOUT_MS = 10 * MINUTE_MS;
const VITEST_TIMEOUT_MS = 25 * MINUTE_MS;
const PLAYWRIGHT_TIMEOUT_MS = 35 * MINUTE_MS;
const KILL_GRACE_MS = 10 * 1000;

/** The child process running now, so an interrupt of this script can end it too. */
let runningChild = null;

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

/**
 * Runs a command with inherited output in its own process group and resolves with its
 * exit code. After the timeout it ends the whole group and sets `timedOut`.
 */
function runCommand(command, args, timeoutMs) {
  return new Promise((resolve) => {
    const ownGroup = process.platform !== 'win32';
    // No standard input: a tool in a background process group that read the terminal
    // would stop until the timeout.
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: ownGroup,
    });
    runningChild = child;
    let timedOut = false;

    const signalAll = (signal) => {
      try {
        if (ownGroup) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // The process has already exited.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(
        `run-tests: ${command} ${args.join(' ')} timed out after ${timeoutMs / MINUTE_MS} min; stopping it.`,
      );
      signalAll('SIGTERM');
      setTimeout(() => signalAll('SIGKILL'), KILL_GRACE_MS).unref();
    }, timeoutMs);

    child.on('error', (error) => {
      clearTimeout(timer);
      runningChild = null;
      resolve({ code: null, timedOut, error });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      runningChild = null;
      // Whatever the tool left behind in its group goes with it.
      if (ownGroup) signalAll('SIGKILL');
      resolve({ code: code ?? (signal === null ? null : `signal ${signal}`), timedOut });
    });
  });
}

/** Returns how to call npm: through the npm that started this script when there is one. */
function npmCommand(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli !== undefined && npmCli.endsWith('.js')) {
    return [process.execPath, [npmCli, 'run', script]];
  }
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]];
}

function describeExit(result) {
  if (result.error !== undefined) return `could not start: ${result.error.message}`;
  if (result.timedOut) return 'timed out';
  return `exited with ${result.code}`;
}

/** Runs an npm script that counts as one test. */
async function staticCheck(name, script) {
  heading(name);
  const [command, args] = npmCommand(script);
  const result = await runCommand(command, args, STATIC_CHECK_TIMEOUT_MS);
  const passed = result.code === 0 && !result.timedOut;
  return {
    name,
    passed: passed ? 1 : 0,
    failed: passed ? 0 : 1,
    skipped: 0,
    notes: passed ? [] : [`${name}: ${describeExit(result)}`],
  };
}

/**
 * Turns a tool's exit and its report into counts. A missing report means the tool
 * crashed, and a non-zero exit with no failed test means it failed outside the tests:
 * each counts as one failure.
 */
function suiteResult(name, result, readReport) {
  let counts;
  try {
    counts = readReport();
  } catch (error) {
    return { name, passed: 0, failed: 1, skipped: 0, notes: [`${name}: ${error.message}`] };
  }
  if (counts === null) {
    return {
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`${name}: ${describeExit(result)} without writing a report; counted as 1 failed.`],
    };
  }
  if ((result.code !== 0 || result.timedOut) && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push(
      `${name}: ${describeExit(result)} although no test failed; counted as 1 failed.`,
    );
  }
  return { name, ...counts };
}

async function runVitest() {
  heading('vitest');
  rmSync(vitestReportPath, { force: true });
  const result = await runCommand(
    process.execPath,
    [
      packageBin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReportPath}`,
    ],
    VITEST_TIMEOUT_MS,
  );
  return suiteResult('vitest', result, () => readVitestReport(vitestReportPath));
}

/** Returns the command that runs Playwright, under xvfb-run when Electron needs a display. */
function playwrightCommand() {
  const playwright = [process.execPath, packageBin('@playwright/test', 'playwright'), 'test'];
  const electronNeedsDisplay = electronBinaryPath() !== null && missingDisplayReason() !== null;
  if (electronNeedsDisplay) {
    const xvfb = spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' });
    if (xvfb.error === undefined) return ['xvfb-run', ['-a', ...playwright]];
    console.log('run-tests: no display and no xvfb-run, so the Electron tests will be skipped.');
  }
  return [playwright[0], playwright.slice(1)];
}

async function runPlaywright(buildPassed) {
  heading('playwright');
  if (!buildPassed) {
    const note = 'playwright: not run because the build failed; counted as 1 failed.';
    console.log(note);
    return { name: 'playwright', passed: 0, failed: 1, skipped: 0, notes: [note] };
  }
  rmSync(playwrightReportPath, { force: true });
  const [command, args] = playwrightCommand();
  const result = await runCommand(command, args, PLAYWRIGHT_TIMEOUT_MS);
  return suiteResult('playwright', result, () => readPlaywrightReport(playwrightReportPath));
}

/** Runs one step, turning an error of this script itself into one failed test. */
async function guarded(name, runStep) {
  try {
    return await runStep();
  } catch (error) {
    const note = `${name}: could not run: ${error.message}`;
    console.error(`run-tests: ${note}`);
    return { name, passed: 0, failed: 1, skipped: 0, notes: [note] };
  }
}

function printSummary(results) {
  heading('summary');
  const width = Math.max(...results.map((result) => result.name.length));
  for (const result of results) {
    const counts = `${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`;
    console.log(`${result.name.padEnd(width)}  ${result.failed > 0 ? 'FAIL' : 'ok  '}  ${counts}`);
  }
  const notes = results.flatMap((result) => result.notes);
  if (notes.length > 0) {
    console.log('');
    for (const note of notes) console.log(note);
  }
  const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
  console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  return total('failed');
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (runningChild !== null && process.platform !== 'win32') {
        try {
          process.kill(-runningChild.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      process.exit(128 + constants.signals[signal]);
    });
  }
  mkdirSync(reportDir, { recursive: true });

  const results = [];
  results.push(await guarded('typecheck', () => staticCheck('typecheck', 'typecheck')));
  results.push(await guarded('lint', () => staticCheck('lint', 'lint')));
  results.push(await guarded('format', () => staticCheck('format', 'format:check')));
  const build = await guarded('build', () => staticCheck('build', 'build'));
  results.push(build);
  results.push(await guarded('vitest', runVitest));
  results.push(await guarded('playwright', () => runPlaywright(build.failed === 0)));

  const failed = printSummary(results);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`run-tests: ${error.stack ?? error}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exitCode = 1;
});
