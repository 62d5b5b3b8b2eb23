#!/usr/bin/env bash
# The filter's own CPU per request, profiled: starts the load benchmark's server alone
# (-Dserve=true), drives one page with wrk and samples the server's CPU with async-profiler
# (from Maven Central), then prints the CPU per request of the whole server and of the filter's
# own frames: stacks in the filter outside the page it wraps, and stacks in its wrappers that
# do not go on into the container's output. Headers: as the load benchmark sends them, or with
# HEADERS=chrome-fetch those of Chrome's fetch() (12; 13 with wrk's Host).
#   bench/profile.sh filter/json
#   HEADERS=chrome-fetch SECONDS_TO_SAMPLE=12 bench/profile.sh filter/json
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/need.sh
need wrk
need python3 python3-minimal
need unzip
profiler=target/async-profiler
mvn -B -q -Pload test-compile dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 \
  -DoutputDirectory="$profiler"
unzip -o -q "$profiler/async-profiler-3.0.jar" 'linux-x64/*' -d "$profiler"
agent="$(pwd)/$profiler/linux-x64/libasyncProfiler.so"
# The JDK's attach API, as async-profiler's own launcher uses it (jcmd's JVMTI.agent_load does not
# pass the options through to it).
cat >"$profiler/Attach.java" <<'JAVA'
public class Attach {
    public static void main(String[] args) throws Exception {
        com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
JAVA
profile() { java "$profiler/Attach.java" "$pid" "$agent" "$1"; }

log=target/profile-server.log
mvn -B -q -Pload exec:exec -Dserve=true >"$log" 2>&1 &
# The server runs in a JVM that mvn starts; stopped by its main class (so is any other load
# benchmark server on this machine).
trap 'pkill -f "dev.zwidget.bench.LoadBenchmark" || true' EXIT
for _ in $(seq 1 120); do grep -q '^serving' "$log" && break; sleep 0.5; done
base=$(sed -nE 's/^serving (http[^,]+), marker cookie (.*)$/\1/p' "$log")
marker=$(sed -nE 's/^serving (http[^,]+), marker cookie (.*)$/\2/p' "$log")
pid=$(pgrep -f 'dev.zwidget.bench.LoadBenchmark' | head -n 1)
[ -n "$base" ] && [ -n "$pid" ] || { cat "$log"; exit 1; }

if [ "${HEADERS:-page}" = chrome-fetch ]; then
  headers=(-H "Cookie: $marker; JSESSIONID=node01abcdefghijklmnop0.node0; _ga=GA1.1.123456789.1700000000"
    -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' -H 'sec-ch-ua-mobile: ?0'
    -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    -H 'sec-ch-ua-platform: "Linux"' -H 'Accept: */*' -H 'Sec-Fetch-Site: same-origin' -H 'Sec-Fetch-Mode: cors'
    -H 'Sec-Fetch-Dest: empty' -H "Referer: $base/filter/string" -H 'Accept-Encoding: gzip, deflate, br, zstd'
    -H 'Accept-Language: en-US,en;q=0.9')
else
  headers=(-H "Cookie: $marker" -H 'Accept: text/html')
fi
url="$base/$1"
wrk -t1 -c8 -d8s "${headers[@]}" "$url" >/dev/null   # warm-up: compiled code, touched heap
samples="$(pwd)/target/profile.collapsed"
profile start,event=cpu,interval=100us
out=$(wrk -t1 -c8 -d"${SECONDS_TO_SAMPLE:-15}"s "${headers[@]}" "$url")
profile "stop,file=$samples,collapsed"
requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
python3 - "$samples" "$requests" "$1" <<'PY'
import sys
path, requests, page = sys.argv[1], int(sys.argv[2]), sys.argv[3]
total = own = 0
for line in open(path):
    stack, n = line.rsplit(' ', 1)
    frames, n = stack.split(';'), int(n)
    total += n
    ours = [i for i, f in enumerate(frames) if f.startswith('dev/zwidget/') and not f.startswith('dev/zwidget/bench/')]
    if not ours:
        continue
    page_frames = [i for i, f in enumerate(frames) if f.startswith('dev/zwidget/bench/BenchPages')]
    if page_frames:
        # Inside the page: only the filter's wrappers count, not what they hand to the container.
        below = [i for i in ours if i > page_frames[0]]
        if not below or any('HttpOutput' in f for f in frames[below[0]:]):
            continue
    elif any('ServletHandler$ChainEnd' in f for f in frames):
        continue
    own += n
print('%s: %d requests; server CPU %.1f us/request, the filter\'s own %.2f us/request (%.2f%%)'
      % (page, requests, total * 100 / requests, own * 100 / requests, 100.0 * own / total))
PY
