#!/usr/bin/env bash
# Usage: scripts/release.sh X.Y.Z
#
# The local half of a release: makes the release commit and tags it, and
# prints the `git push` commands; it never pushes, so a mistake costs a
# `git reset`, not a retag that users' pins already saw. Pushing the tag
# starts .github/workflows/release.yml, which checks and tests the tagged
# tree again, publishes to npm, creates the GitHub release from CHANGELOG.md
# and then moves the major tag vX (what `uses: org/sigvec-check@vX`
# follows), so vX never points at a release that did not publish.
#
# 1. refuses a dirty tree, a version that is not X.Y.Z, or a tag that exists;
# 2. npm ci, npm run build: refuses when the committed dist/ is stale, since
#    the release commit must only carry the version change into dist/;
# 3. sets the version in package.json (and the lock file) and in
#    src/version.ts, and refuses, putting them back, when CHANGELOG.md has no
#    section for it (scripts/release-notes.mjs, as the workflow checks); then
#    the pinned versions in README.md and docs/;
# 4. rebuilds dist/, runs npm test;
# 5. commits all of it as "Release vX.Y.Z" and tags vX.Y.Z (annotated).
#    Releasing the version package.json already has makes no commit: it tags
#    HEAD.
#
# SIGVEC_RELEASE_SKIP_CHECKS=1 skips npm ci, the builds and npm test, and
# nothing else. It exists for the release script's own test
# (test/release.test.ts), which must run in seconds and offline.
set -euo pipefail

die() {
  echo "release: $*" >&2
  exit 1
}

[ "$#" -eq 1 ] || die "usage: scripts/release.sh X.Y.Z"
version="$1"
# A pre-release would move the major tag that users pin; not supported.
if ! [[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]]; then
  die "'$version' is not a version of the form X.Y.Z (e.g. 1.2.3, without a leading v)"
fi
tag="v$version"

cd "$(dirname "$0")/.."
[ "$(git rev-parse --show-toplevel)" = "$(pwd -P)" ] ||
  die "$(pwd -P) is not the root of a git work tree"

if [ -n "$(git status --porcelain)" ]; then
  git status --short >&2
  die "the work tree is not clean; commit or stash first"
fi
branch="$(git symbolic-ref --quiet --short HEAD)" ||
  die "HEAD is detached; check out the branch to release from"
if git rev-parse --quiet --verify "refs/tags/$tag" >/dev/null; then
  die "tag $tag already exists"
fi

skip_checks="${SIGVEC_RELEASE_SKIP_CHECKS:-0}"
if [ "$skip_checks" = 1 ]; then
  echo "release: SIGVEC_RELEASE_SKIP_CHECKS=1: skipping npm ci, build and test" >&2
fi

if [ "$skip_checks" != 1 ]; then
  npm ci --no-audit --no-fund
  npm run build
fi
if [ -n "$(git status --porcelain -- dist)" ]; then
  git status --short -- dist >&2
  die "the committed dist/ does not match a fresh build of HEAD; rebuild and commit it first"
fi

old_version="$(node -p 'require("./package.json").version')"
npm version --no-git-tag-version --allow-same-version "$version" >/dev/null
version_ts="src/version.ts"
version_line="export const TOOL_VERSION = '$version'"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
sed "s/^export const TOOL_VERSION = '[^']*'\$/$version_line/" "$version_ts" >"$tmp"
grep -qxF "$version_line" "$tmp" ||
  die "$version_ts has no line \"export const TOOL_VERSION = '…'\" to update"
cat "$tmp" >"$version_ts"

# The workflow refuses a tag whose version has no notes; so do we, before the
# long part, leaving the tree as it was.
if ! node scripts/release-notes.mjs "$tag" >/dev/null; then
  git checkout --quiet -- package.json "$version_ts"
  if git ls-files --error-unmatch package-lock.json >/dev/null 2>&1; then
    git checkout --quiet -- package-lock.json
  fi
  die "add a section for $version to CHANGELOG.md and commit it first; nothing was changed"
fi

# The install lines in the README and docs/ name the exact release
# (sigvec-check@X.Y.Z, org/sigvec-check@vX.Y.Z) and the major tag
# (org/sigvec-check@vX); test/readme.test.ts holds them to package.json.
old_re="${old_version//./\\.}"
old_major="${old_version%%.*}"
new_major="${version%%.*}"
mapfile -t pinned < <(git ls-files -- README.md 'docs/*.md')
for f in "${pinned[@]}"; do
  sed -E -i \
    -e "s/(sigvec-check@v?)${old_re}([^0-9]|\$)/\\1${version}\\2/g" \
    -e "s/(org\\/sigvec-check@v)${old_major}([^0-9.]|\$)/\\1${new_major}\\2/g" \
    "$f"
done

if [ "$skip_checks" != 1 ]; then
  npm run build
  npm test
fi

# Only the version, its pins and the bundles built from it may change; anything else
# means the build or the tests touched the tree, and that is not a release.
unexpected="$(git status --porcelain -- . ':!package.json' ':!package-lock.json' ":!$version_ts" ':!dist' ':!README.md' ':!docs')"
if [ -n "$unexpected" ]; then
  echo "$unexpected" >&2
  die "files other than the version and dist/ changed; nothing was committed"
fi

git add -- package.json "$version_ts" dist "${pinned[@]}"
if [ -f package-lock.json ]; then
  git add -- package-lock.json
fi
# Releasing the version package.json already has changes nothing: tag HEAD.
if ! git diff --cached --quiet; then
  git commit --quiet -m "Release $tag"
fi
git tag -a "$tag" -m "sigvec-check $tag"

commit="$(git rev-parse "$tag^{commit}")"
cat <<EOF
Tagged $tag at $commit ($(git log -1 --format=%s "$commit")).
Nothing was pushed. To publish:

  git push origin '$branch'
  git push origin '$tag'

The tag starts the release workflow (.github/workflows/release.yml): tests,
npm publish with provenance, the GitHub release, then the major tag.
EOF
