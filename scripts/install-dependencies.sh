#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or was installed from a
# different package.json, package-lock.json, patches/ or Node.js major version. The
# Electron binary download is skipped here; the postinstall script tries it once and
# carries on without it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh

stamp_file=node_modules/.muqu-install-stamp

# One line per input that decides what npm installs, so any change makes the stamp differ.
install_inputs() {
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  echo "node major $node_major"
  sha256sum package.json
  if [[ -f package-lock.json ]]; then sha256sum package-lock.json; fi
  if [[ -d patches ]]; then find patches -type f -print0 | sort -z | xargs -0 -r sha256sum; fi
}

expected_stamp="$(install_inputs)"
if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$expected_stamp" ]]; then
  exit 0
fi

if [[ -f package-lock.json ]]; then
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
else
  echo "install-dependencies: no package-lock.json, so running npm install, which writes one."
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-audit --no-fund
  expected_stamp="$(install_inputs)"
fi
printf '%s\n' "$expected_stamp" >"$stamp_file"
