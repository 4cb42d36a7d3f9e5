#!/usr/bin/env bash
# Runs the Spring sample: samples/spring-transactional/run.sh [h2|mariadb|postgresql] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -q -pl samples/spring-transactional -am compile exec:java -Dexec.skip=true \
    -Dexec.mainClass=dev.kiln.samples.springtransactional.SpringTransactionalSample -Dexec.args="${*:-h2 10}"
