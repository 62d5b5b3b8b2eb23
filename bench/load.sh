#!/usr/bin/env bash
# The load benchmark: one Jetty 12 server with the same pages without the filter, with it
# (every visitor signed in) and behind a naive buffering injector, driven by wrk over real
# sockets in interleaved rounds; prints the ratios against no filter (min/median/max over the
# rounds), the server's CPU time per request, its garbage collections per run, per-request
# allocation and the 10 MB page's time to first byte. Many short rounds: on a shared machine a
# neighbour's burst of load then falls on the runs of one round, whose ratio it moves, rather
# than on one variant's median. Through mvn, -Dvariants=plain,filter,bare sets the filter beside
# a filter that only wraps (see the README's performance section).
#   bench/load.sh                 # 21 rounds x 1 s per run (about 7 minutes)
#   ROUNDS=31 SECONDS_PER_RUN=2 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/need.sh
need wrk
exec mvn -B -q -Pload test-compile exec:exec -Drounds="${ROUNDS:-21}" -Dseconds="${SECONDS_PER_RUN:-1}" \
  -Dconnections="${CONNECTIONS:-8}"
