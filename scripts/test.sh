#!/usr/bin/env bash
# Runs the whole test suite from a fresh machine: setup, the dependency check, build, every test, the format lint.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root"
# The Python test tools live in ./.venv (scripts/setup.sh); the Swift tests find python3 on PATH.
export PATH="$root/.venv/bin:$PATH"
# Every library, header, tool and Python module the build and the tests use comes from a listed package.
python3 scripts/check_dependencies.py
swift build --build-tests
swift test --skip-build --parallel
python3 -m pytest -q -p no:cacheprovider tools/scangen scripts
# Formatting is part of the suite: `swift format format --in-place --recursive Package.swift Sources Tests` fixes it.
swift format lint --strict --recursive Package.swift Sources Tests
