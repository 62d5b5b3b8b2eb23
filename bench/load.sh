#!/usr/bin/env bash
# The load benchmark: one Jetty 12 server with the same pages without the filter, with it
# (every visitor signed in) and behind a naive buffering injector, driven by wrk over real
# sockets in interleaved rounds; prints the ratios against no filter (min/median/max over the
# rounds), per-request allocation and the 10 MB page's time to first byte.
#   bench/load.sh                 # 5 rounds x 5 s per run (about 6 minutes)
#   ROUNDS=9 SECONDS_PER_RUN=10 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q --no-install-recommends wrk
fi
exec mvn -B -q -Pload test-compile exec:exec -Drounds="${ROUNDS:-5}" -Dseconds="${SECONDS_PER_RUN:-5}" \
  -Dconnections="${CONNECTIONS:-8}"
