import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Returns the path of the JavaScript file behind a package's command, such as `vitest`,
 * to run with `process.execPath`. That works on every OS, unlike node_modules/.bin
 * shims, which are .cmd files on Windows.
 */
export function packageBin(packageName, commandName = packageName) {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[commandName];
  if (typeof bin !== 'string') {
    throw new Error(`The package ${packageName} has no command named ${commandName}.`);
  }
  return join(dirname(manifestPath), bin);
}
