#!/usr/bin/env bash
# Compiles the benchmark driver (bench/src/nl/stem/bench, JDK only) into target/bench and runs it:
# `bench/driver.sh --self-test` checks the harness alone; bench/run.sh runs it against the service.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/bench && javac -nowarn -d target/bench bench/src/nl/stem/bench/*.java
exec java -cp target/bench nl.stem.bench.TelegramBench "$@"
