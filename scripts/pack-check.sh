#!/usr/bin/env bash
# Usage: scripts/pack-check.sh
#
# Installs the npm package the way a user gets it and runs it: `npm pack`,
# then `npm install -g` of that tarball into an empty prefix, offline and
# with an empty npm cache (the package has no runtime dependency, so nothing
# may need fetching), then, from outside the repository, the installed
# `sigvec-check`:
#
# - `--version` prints package.json's version;
# - `--no-reproduce --json` prints a valid Report of that version;
# - `--reproduce always --json` compiles the reproducer from the package's
#   own native/ (into an empty tool cache) and runs it to a result;
# - every path package.json's "files" lists is in the tarball, with every
#   file under it that git does not ignore.
#
# Everything happens in one temp folder, removed on every exit. .ci/run calls
# it after `npm test`; dist/ must be built.
set -euo pipefail

die() {
  echo "pack-check: $*" >&2
  exit 1
}

cd "$(dirname "$0")/.."
repo="$(pwd -P)"
version="$(node -p 'require("./package.json").version')"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sigvec-pack-check.XXXXXX")"
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# An npm of its own: no user or global .npmrc, an empty cache, no network.
export npm_config_cache="$tmp/npm-cache"
export npm_config_userconfig="$tmp/npmrc"
export npm_config_globalconfig="$tmp/npmrc-global"
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false
: >"$tmp/npmrc"
: >"$tmp/npmrc-global"

npm pack --ignore-scripts --silent --pack-destination "$tmp" >"$tmp/pack.out"
tarball="$tmp/sigvec-check-$version.tgz"
[ -f "$tarball" ] ||
  die "npm pack made no $(basename "$tarball") ($(ls "$tmp"))"

# What the tarball holds, against package.json's "files" and git.
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$tmp/tarball.txt"
git ls-files --cached --others --exclude-standard >"$tmp/tree.txt" ||
  die "git ls-files failed in $repo: the files to expect are unknown"
node -e '
  const fs = require("node:fs")
  const [pkgFile, listFile, trackedFile] = process.argv.slice(1)
  const files = JSON.parse(fs.readFileSync(pkgFile, "utf8")).files ?? []
  const inTarball = new Set(fs.readFileSync(listFile, "utf8").split("\n"))
  const tracked = fs
    .readFileSync(trackedFile, "utf8")
    .split("\n")
    .filter((f) => f !== "" && fs.existsSync(f))
    // Names npm never packs, wherever they are.
    .filter((f) => !/(^|\/)(\.npmignore|\.gitignore|\.npmrc|\.DS_Store|npm-debug\.log|\._[^/]*|\.[^/]*\.swp|[^/]*\.orig)$/.test(f))
  const missing = []
  if (files.length === 0) missing.push("(package.json lists no \"files\")")
  for (const entry of files) {
    const path = entry.replace(/\/+$/, "")
    const under = tracked.filter((f) => f === path || f.startsWith(path + "/"))
    if (under.length === 0) missing.push(`${path} (no file there)`)
    for (const f of under) if (!inTarball.has(f)) missing.push(f)
  }
  for (const f of ["package.json", "README.md", "LICENSE", "dist/cli.js"])
    if (!inTarball.has(f)) missing.push(f)
  if (missing.length > 0) {
    console.error("pack-check: missing from the tarball:\n  " + missing.join("\n  "))
    process.exit(1)
  }
' "$repo/package.json" "$tmp/tarball.txt" "$tmp/tree.txt"

# Installed into an empty prefix: no network, nothing in the cache.
mkdir "$tmp/prefix"
npm install -g --offline --ignore-scripts --silent --prefix "$tmp/prefix" \
  "$tarball" ||
  die "npm install -g --offline of $(basename "$tarball") failed: does the package have a runtime dependency?"
bin="$tmp/prefix/bin/sigvec-check"
[ -x "$bin" ] || die "the install made no executable $bin"
installed="$tmp/prefix/lib/node_modules/sigvec-check"
[ ! -e "$installed/node_modules" ] ||
  die "the install brought dependencies: $(ls "$installed/node_modules")"

# From outside the repository, with a tool cache and scratch space of its own.
mkdir "$tmp/work" "$tmp/tool-cache" "$tmp/runner-temp"
cd "$tmp/work"
export RUNNER_TOOL_CACHE="$tmp/tool-cache"
export RUNNER_TEMP="$tmp/runner-temp"

got="$("$bin" --version)"
[ "$got" = "$version" ] ||
  die "the installed sigvec-check --version printed '$got', package.json says '$version'"

# Exit 0, 2 and 3 are verdicts; 1 is a usage or runtime error.
run_json() {
  local out="$1"
  shift
  local code=0
  "$bin" "$@" --json >"$out" || code=$?
  case "$code" in
  0 | 2 | 3) ;;
  *) die "sigvec-check $* --json exited $code" ;;
  esac
}

check_report() {
  node -e '
    const fs = require("node:fs")
    const [file, version, reproducer] = process.argv.slice(1)
    const r = JSON.parse(fs.readFileSync(file, "utf8"))
    const problems = []
    if (r.schema !== "sigvec-check/report") problems.push(`schema ${r.schema}`)
    if (r.version !== 1) problems.push(`report version ${r.version}`)
    if (r.tool?.version !== version) problems.push(`tool version ${r.tool?.version}`)
    const statuses = ["affected", "vulnerable", "unaffected", "not-applicable", "unknown"]
    if (!statuses.includes(r.status)) problems.push(`status ${r.status}`)
    const result = r.reproducer?.result
    if (reproducer === "none" && result !== "skipped")
      problems.push(`reproducer ${result} with --no-reproduce`)
    if (reproducer === "run") {
      if (!["clean", "corrupted"].includes(result))
        problems.push(`reproducer ${result}: ${r.reproducer?.reason}`)
      if (r.reproducer?.build?.ok !== true || r.reproducer?.build?.cacheHit !== false)
        problems.push(`reproducer build ${JSON.stringify(r.reproducer?.build)}`)
    }
    if (problems.length > 0) {
      console.error(`pack-check: ${file}: ${problems.join("; ")}`)
      process.exit(1)
    }
    console.log(`pack-check: ${reproducer === "run" ? "reproducer run" : "static audit"}: ${r.status}, reproducer ${result}`)
  ' "$@"
}

run_json "$tmp/static.json" --no-reproduce
check_report "$tmp/static.json" "$version" none

run_json "$tmp/reproducer.json" --reproduce always --duration 5s
check_report "$tmp/reproducer.json" "$version" run

echo "pack-check: $(basename "$tarball") ($(wc -l <"$tmp/tarball.txt") files) installs offline with no dependency and runs"
