"""The dependency check fails, naming the package, when the lists leave something out (run by scripts/test.sh)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT / "scripts" / "check_dependencies.py"


def run_check(tmp_path: Path, drop_package: str | None = None, drop_requirement: str | None = None):
    packages = tmp_path / "debian-packages.txt"
    lines = (ROOT / "scripts" / "debian-packages.txt").read_text().splitlines()
    packages.write_text("\n".join(line for line in lines if line.strip() != drop_package) + "\n")
    requirements = tmp_path / "requirements-test.txt"
    lines = (ROOT / "requirements-test.txt").read_text().splitlines()
    requirements.write_text("\n".join(line for line in lines if not (drop_requirement and line.startswith(drop_requirement))) + "\n")
    return subprocess.run(
        [sys.executable, str(CHECK), "--packages", str(packages), "--requirements", str(requirements)],
        capture_output=True, text=True, check=False)


def test_the_project_lists_pass(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "each from a listed package" in result.stderr


def test_a_header_package_left_out_is_named(tmp_path):
    # A system-library target's header package dropped from the list. (libglib2.0-dev, the fresh-machine failure
    # of an earlier round through chafa.h, now also comes in through libpango1.0-dev, so it can no longer be the
    # example.)
    result = run_check(tmp_path, drop_package="libqrencode-dev")
    assert result.returncode == 1
    assert "MISSING libqrencode-dev: needed by CQREncode" in result.stderr


def test_a_tool_package_left_out_is_named(tmp_path):
    result = run_check(tmp_path, drop_package="xmlsec1")
    assert result.returncode == 1
    assert "MISSING xmlsec1: needed by tool xmlsec1" in result.stderr


def test_a_python_tool_left_out_is_named(tmp_path):
    result = run_check(tmp_path, drop_requirement="signxml")
    assert result.returncode == 1
    assert "imports signxml (signxml)" in result.stderr
