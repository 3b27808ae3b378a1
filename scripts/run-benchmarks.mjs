// npm run bench: runs every bench/*.bench.ts and prints one line per benchmark,
// "bench NAME: FIGURE UNIT, ratio R vs BASELINE", on stdout. How each figure was
// measured, and the machine, go to stderr.
//
// The benchmarks import the app's TypeScript sources directly. Vite's module runner
// (`runnerImport`, marked experimental in Vite 8) loads them, because Node.js cannot
// run TypeScript whose imports omit the .ts extension.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(repoRoot, 'bench');

function formatFigure(value) {
  if (value >= 100) return value.toFixed(0);
  return value.toPrecision(3);
}

async function main() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(0);
  console.error(
    `machine: ${cpu}, ${cpus().length} cores, ${memoryGiB} GiB; Node.js ${process.version}`,
  );

  const files = readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  if (files.length === 0) throw new Error(`No *.bench.ts files in ${benchDir}.`);

  let failed = false;
  for (const file of files) {
    try {
      const { module } = await runnerImport(join(benchDir, file), {
        root: repoRoot,
        logLevel: 'error',
      });
      if (typeof module.run !== 'function') {
        throw new Error('it exports no run() function');
      }
      const results = await module.run();
      for (const result of results) {
        for (const line of result.details ?? []) console.error(line);
        console.log(
          `bench ${result.name}: ${formatFigure(result.figure)} ${result.unit}, ` +
            `ratio ${result.ratio.toFixed(2)} vs ${result.baseline}`,
        );
      }
    } catch (error) {
      failed = true;
      console.error(`run-benchmarks: ${file} failed: ${error.stack ?? error}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`run-benchmarks: ${error.stack ?? error}`);
  process.exitCode = 1;
});
