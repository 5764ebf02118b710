#!/usr/bin/env bash
# Runs the whole test suite from a fresh machine: setup, build, every test, and the format lint.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root"
swift build --build-tests
swift test --skip-build --parallel
python3 -m pytest -q -p no:cacheprovider tools/scangen
# Formatting is part of the suite: `swift format format --in-place --recursive Package.swift Sources Tests` fixes it.
swift format lint --strict --recursive Package.swift Sources Tests
