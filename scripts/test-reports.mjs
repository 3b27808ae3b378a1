// Counts passed, failed and skipped tests from the JSON reports of Vitest and
// Playwright. A suite that ran no test counts as one failure, so an empty or broken
// suite cannot pass unnoticed.
import { readFileSync } from 'node:fs';

/**
 * @typedef {object} SuiteCounts
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {string[]} notes  Lines that explain counted failures and other findings.
 */

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw new Error(`The report ${path} is not valid JSON: ${error.message}`, { cause: error });
  }
}

/** Adds one failure, with a note giving the reason, when the suite ran no test. */
function failIfNothingRan(counts, suiteName) {
  if (counts.passed + counts.failed > 0) return;
  counts.failed += 1;
  counts.notes.push(
    counts.skipped === 0
      ? `${suiteName} reported no tests; counted as 1 failed.`
      : `${suiteName} ran no tests (all ${counts.skipped} skipped); counted as 1 failed.`,
  );
}

/**
 * Reads a Vitest JSON report (the Jest-compatible format of `--reporter=json`). A test
 * file that fails before any test runs, such as on an import error, counts as one failed.
 * Returns null when the report file does not exist.
 * @returns {SuiteCounts | null}
 */
export function readVitestReport(path) {
  const report = readJson(path);
  if (report === null) return null;

  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes: [],
  };
  for (const file of report.testResults ?? []) {
    const noTestRan = (file.assertionResults ?? []).length === 0;
    if (file.status === 'failed' && noTestRan) {
      counts.failed += 1;
      const reason = (file.message ?? '').split('\n')[0];
      counts.notes.push(`vitest: ${file.name} failed before its tests ran: ${reason}`);
    }
  }
  failIfNothingRan(counts, 'vitest');
  return counts;
}

/** Yields every test entry of a Playwright JSON report with the titles leading to it. */
function* playwrightTests(suites, titles = []) {
  for (const suite of suites ?? []) {
    const suiteTitles = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        yield { test, titles: [...suiteTitles, spec.title] };
      }
    }
    yield* playwrightTests(suite.suites, suiteTitles);
  }
}

/**
 * Reads a Playwright JSON report. Flaky tests (failed, then passed on retry) count as
 * passed and are listed in the notes. Errors outside any test, such as a spec file that
 * fails to load, count as one failed each, and so does a configured project without any
 * test. Returns null when the report file does not exist.
 * @returns {SuiteCounts | null}
 */
export function readPlaywrightReport(path) {
  const report = readJson(path);
  if (report === null) return null;

  const stats = report.stats ?? {};
  const counts = {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    notes: [],
  };

  for (const error of report.errors ?? []) {
    counts.failed += 1;
    const message = (error.message ?? 'unknown error').split('\n')[0];
    counts.notes.push(`playwright: error outside any test: ${message}`);
  }

  const testsPerProject = new Map();
  const skipReasons = new Set();
  for (const { test, titles } of playwrightTests(report.suites)) {
    testsPerProject.set(test.projectName, (testsPerProject.get(test.projectName) ?? 0) + 1);
    if (test.status === 'flaky') {
      counts.notes.push(
        `playwright: flaky (passed on retry): [${test.projectName}] ${titles.join(' › ')}`,
      );
    }
    if (test.status === 'skipped') {
      for (const annotation of test.annotations ?? []) {
        if (annotation.type === 'skip' && annotation.description) {
          skipReasons.add(`[${test.projectName}] ${annotation.description}`);
        }
      }
    }
  }
  for (const reason of skipReasons) counts.notes.push(`playwright: skipped ${reason}`);

  const totalTests = [...testsPerProject.values()].reduce((sum, count) => sum + count, 0);
  if (totalTests > 0) {
    for (const project of report.config?.projects ?? []) {
      if ((testsPerProject.get(project.name) ?? 0) > 0) continue;
      counts.failed += 1;
      counts.notes.push(`playwright: project "${project.name}" has no tests; counted as 1 failed.`);
    }
  }
  failIfNothingRan(counts, 'playwright');
  return counts;
}
