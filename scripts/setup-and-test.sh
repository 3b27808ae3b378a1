#!/usr/bin/env bash
# From a fresh clone to a full test run: installs the Debian packages the tests use,
# makes sure Node.js 22.12+ is there, installs the npm dependencies when they are
# missing or stale, then runs `npm test`. Works as root (as in CI) or as a user with
# password-less sudo; needs no standard input.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-node.sh

apt_packages=()
# Playwright drives Debian's Chromium, because its own browser download needs internet
# access. MUQU_CHROMIUM names another Chromium build instead.
if [[ -n "${MUQU_CHROMIUM:-}" ]]; then
  if [[ ! -x "$MUQU_CHROMIUM" ]]; then
    echo "setup-and-test: MUQU_CHROMIUM=$MUQU_CHROMIUM is not an executable file." \
      "Point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium." >&2
    exit 1
  fi
elif [[ ! -x /usr/bin/chromium ]]; then
  # fonts-liberation gives pages readable text without Chromium's other recommended packages.
  apt_packages+=(chromium fonts-liberation)
fi
# Tests drive the sandbox from Python through boto3, as the Python MuQu library does.
if ! python3 -c 'import boto3' >/dev/null 2>&1; then
  apt_packages+=(python3-boto3)
fi

install_apt_packages() {
  local runner=()
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner=(sudo)
    else
      echo "setup-and-test: missing Debian packages: $*. Install them as root with" \
        "'apt-get update && apt-get install -y $*', then rerun." >&2
      exit 1
    fi
  fi
  echo "setup-and-test: installing Debian packages: $*"
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${runner[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ((${#apt_packages[@]} > 0)); then
  install_apt_packages "${apt_packages[@]}"
fi

bash scripts/install-dependencies.sh

# The Electron end-to-end tests need a display. Where the Electron binary exists but no
# display does, run-tests.mjs starts Playwright under xvfb-run, which this installs.
electron_needs_xvfb="$(node --input-type=module -e "
  import { electronBinaryPath, missingDisplayReason } from './scripts/electron-binary.mjs';
  console.log(electronBinaryPath() !== null && missingDisplayReason() !== null ? 'yes' : 'no');
")"
if [[ "$electron_needs_xvfb" == yes ]] && ! command -v xvfb-run >/dev/null 2>&1; then
  install_apt_packages xvfb xauth
fi

exec npm test
