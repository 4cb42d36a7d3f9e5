#!/usr/bin/env bash
# Kiln benchmarks: JMH per-op figures, then round-robin ratios in one JVM, ending with `ratio <name> <value>` lines.
#
#   tests/benchmarks/run.sh [regex] [--backend h2|mariadb|postgresql]... [--quick] [--no-jmh] [--no-ratios] [--prof gc]
#
# Examples:
#   tests/benchmarks/run.sh lookup                  # lookup on its default backends (h2, mariadb)
#   tests/benchmarks/run.sh lookup --backend h2 --prof gc
#   KILN_BENCH_SKIP_BUILD=1 tests/benchmarks/run.sh  # reuse the last build
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${KILN_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q -pl tests/benchmarks -am package -DskipTests)
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -Xms2g -Xmx2g -jar "$root/tests/benchmarks/target/benchmarks.jar" "$@"
