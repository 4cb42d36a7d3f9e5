#!/usr/bin/env bash
# Kiln's main job: the floating-IP profiler (nova_poc's floating_ip_update, per scenario), on embedded H2 by default.
#
#   samples/floating-ip-profiler/run.sh [options]        # --help lists them
#
# Examples:
#   samples/floating-ip-profiler/run.sh
#   samples/floating-ip-profiler/run.sh --db 'jdbc:mariadb://127.0.0.1:3306/test?user=root&password='
#   samples/floating-ip-profiler/run.sh --scenario raw_jdbc,jdbi --ops 2000 --concurrency
#   KILN_PROFILER_SKIP_BUILD=1 samples/floating-ip-profiler/run.sh   # reuse the last build
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${KILN_PROFILER_SKIP_BUILD:-0}" != 1 ]; then
  # Offline first (fast, no network); online once if an artifact is missing from the local repository.
  (cd "$root" && { mvn -B -q -o -pl samples/floating-ip-profiler -am package -DskipTests \
      || mvn -B -q -pl samples/floating-ip-profiler -am package -DskipTests; })
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -Xms1g -Xmx1g -Dorg.jboss.logging.provider=jdk -Djava.util.logging.config.class=dev.kiln.fixtures.QuietLogging \
  -jar "$root/samples/floating-ip-profiler/target/floating-ip-profiler.jar" "$@"
