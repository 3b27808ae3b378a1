# shellcheck shell=bash
# Puts a Node.js of at least 22.12 (the "engines" minimum in package.json) first on
# PATH. Source it from bash: `source scripts/ensure-node.sh`. When the `node` on PATH
# is older or missing, this installs the npm registry's `node@22` package into
# .tools/node, once, and uses that. Prints nothing when there is nothing to do, and
# returns non-zero with a message when no suitable Node.js can be had.

_muqu_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_muqu_tools_node_bin="$_muqu_repo_root/.tools/node/node_modules/node/bin"

# Succeeds when the node executable $1 runs and is 22.12 or newer.
_muqu_node_is_recent() {
  local version major minor
  version="$("$1" --version 2>/dev/null)" || return 1
  version="${version#v}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  ((major > 22 || (major == 22 && minor >= 12)))
}

# Runs "$@" as root: directly when already root, else through sudo without a password prompt.
_muqu_as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

_muqu_ensure_node() {
  if command -v node >/dev/null 2>&1 && _muqu_node_is_recent node; then
    return 0
  fi
  if _muqu_node_is_recent "$_muqu_tools_node_bin/node"; then
    export PATH="$_muqu_tools_node_bin:$PATH"
    return 0
  fi

  local found="none"
  if command -v node >/dev/null 2>&1; then
    found="$(node --version 2>/dev/null || echo unknown)"
  fi

  # npm is needed to fetch Node.js from the npm registry. Debian's npm package brings an
  # older Node.js with it, which is enough to run that one install.
  # NOTE: this branch has not yet run on a machine without npm.
  if ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 &&
      _muqu_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      _muqu_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; then
      :
    else
      echo "ensure-node: Node.js 22.12 or newer is required (found: $found) and npm is missing," \
        "so it cannot be installed. Install Node.js 22 from https://nodejs.org and rerun." >&2
      return 1
    fi
  fi

  echo "ensure-node: Node.js 22.12 or newer is required (found: $found);" \
    "installing node@22 from the npm registry into .tools/node."
  if ! npm install --prefix "$_muqu_repo_root/.tools/node" --no-audit --no-fund \
    --loglevel=error node@22 >/dev/null; then
    echo "ensure-node: 'npm install --prefix .tools/node node@22' failed; see the npm error above." >&2
    return 1
  fi
  if ! _muqu_node_is_recent "$_muqu_tools_node_bin/node"; then
    echo "ensure-node: .tools/node has no working Node.js 22.12 or newer after the install." \
      "Delete .tools/node and rerun." >&2
    return 1
  fi
  export PATH="$_muqu_tools_node_bin:$PATH"
}

_muqu_ensure_node
