#!/usr/bin/env bash
# Runs the annotation-library sample: samples/annotation-library/run.sh [h2|mariadb|postgresql] [projects] [addressesPerProject]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -q -pl samples/annotation-library -am compile exec:java -Dexec.skip=true \
    -Dexec.mainClass=dev.kiln.samples.annotationlibrary.IpamSample -Dexec.args="${*:-h2 4 5}"
