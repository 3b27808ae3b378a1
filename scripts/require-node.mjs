// Stops an npm script at once, with the fix, when Node.js is older than 22.12. Import it
// first: the app's sandbox server (fauxqs) needs node:sqlite, which Node.js 20 lacks, and
// fails deep inside otherwise.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `MuQu Desktop needs Node.js 22.12 or newer; this is ${process.versions.node}.\n` +
      'Run ./scripts/setup-and-start.sh, which installs Node.js 22 into .tools/node, or put\n' +
      'that Node.js first on PATH in this shell:\n' +
      '  export PATH="$PWD/.tools/node/node_modules/node/bin:$PATH"',
  );
  process.exit(1);
}
