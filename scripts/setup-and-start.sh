#!/usr/bin/env bash
# From a fresh clone to a running app: makes sure Node.js 22.12+ is there, installs the
# npm dependencies (again only when they changed), then runs `npm start`. That opens
# the Electron window, or serves web mode when the Electron binary or a display is
# missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh
bash scripts/install-dependencies.sh
exec npm start
