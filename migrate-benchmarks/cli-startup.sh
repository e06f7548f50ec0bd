#!/usr/bin/env bash
# Whole-process time of `migrate <command>` (default: current, a database at head) under JVM
# option variants, alternating the variants in every round; prints the median (min-max) of each
# and its median per-round ratio to the plain `java -jar` run.
# Usage: MIGRATE_URL=... MIGRATE_SCRIPT_LOCATION=... migrate-benchmarks/cli-startup.sh [rounds] [command...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/migrate-cli/target/migrate.jar"
rounds="${1:-9}"; shift || true
cmd=("${@:-current}")
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
jsa="$work/migrate.jsa"
"$java_cmd" -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -jar "$jar" "${cmd[@]}" >/dev/null
jsa1="$work/migrate-c1.jsa"
"$java_cmd" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$jsa1" -Xlog:cds=off -jar "$jar" "${cmd[@]}" >/dev/null
names=("java -jar (before)" "C1 + SerialGC" "AppCDS" "AppCDS + C1 + SerialGC (bin/migrate)" "AppCDS + C1" "AppCDS + SerialGC")
variants=(
  ""
  "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  "-XX:SharedArchiveFile=$jsa"
  "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$jsa1"
  "-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$jsa1"
  "-XX:+UseSerialGC -XX:SharedArchiveFile=$jsa"
)
n=${#variants[@]}
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    v=$(( (k + r) % n ))
    # shellcheck disable=SC2086
    s=$(date +%s%N); "$java_cmd" ${variants[$v]} -jar "$jar" "${cmd[@]}" >/dev/null; e=$(date +%s%N)
    echo "$r $v $(( (e - s) / 1000000 ))" >> "$work/times"
  done
done
python3 - "$work/times" "${names[@]}" <<'PY'
import sys, statistics as st
rows=[l.split() for l in open(sys.argv[1])]; names=sys.argv[2:]
t={}
for r,v,ms in rows: t.setdefault(int(v),{})[int(r)]=int(ms)
print("| variant | whole process, median (min–max) | ratio to `java -jar` (median of per-round ratios) |\n|---|---|---|")
for v in sorted(t):
    xs=list(t[v].values()); rat=[t[v][r]/t[0][r] for r in t[v]]
    print(f"| {names[v]} | {st.median(xs):.0f} ms ({min(xs)}–{max(xs)} ms) | {st.median(rat):.2f}× |")
PY
