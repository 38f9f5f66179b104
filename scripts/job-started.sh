#!/usr/bin/env bash
# A self-hosted runner's job-started hook: the runner runs it with
# `bash -e` before every job, and a non-zero exit fails the job before any
# step runs. Point the runner at it in its .env file:
#
#   ACTIONS_RUNNER_HOOK_JOB_STARTED=/path/to/sigvec-check/scripts/job-started.sh
#
# The hook gets no arguments, so it is set with variables in the same .env:
# SIGVEC_FAIL_ON, SIGVEC_STATE_DIR, SIGVEC_REPRODUCE, ... (README: "Gate
# every job on a self-hosted runner"); SIGVEC_NODE names the node to use
# when `node` is not on the runner's PATH.
set -euo pipefail

node=${SIGVEC_NODE:-node}
if ! command -v -- "$node" >/dev/null; then
  echo "sigvec-check hook: invalid SIGVEC_NODE: \"$node\". Expected a Node.js 20+ program on PATH or its path." >&2
  exit 1
fi
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
exec "$node" "$here/../dist/cli.js" hook "$@"
