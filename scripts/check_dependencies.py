#!/usr/bin/env python3
"""Proves that scripts/debian-packages.txt and requirements-test.txt name everything hocba needs.

A well-stocked machine cannot fool it: it does not ask "does the build work here?" but "which Debian package
ships each file the build and the tests use, and is that package listed?". For every system-library target in
Package.swift it walks

  * the whole pkg-config closure (Requires and Requires.private) of the target's pkg-config name, with the
    Debian package that ships each .pc file and each include directory it points at,
  * every header the target's shim.h pulls in (the compiler's own dependency list, `cc -M`),
  * every library its module.modulemap links,

and for every command-line tool the tests and the demo run, the package that ships it. A package is covered
when scripts/debian-packages.txt lists it or a listed package depends on it (`apt-cache depends --recurse`).
Python modules imported by the test scripts must come from requirements-test.txt or their dependencies.

Exit 0 when everything is covered; exit 1 with one line per missing package, naming it and what needs it.
Usage: scripts/check_dependencies.py [--packages FILE] [--requirements FILE] [--root DIR]
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Tools the tests, the demo and the scripts run (swift itself is the toolchain, installed first). Tools found in the sources by TOOL_PATTERNS are added to these.
DECLARED_TOOLS = [
    "tesseract", "pdftoppm", "pdfinfo", "xmllint", "xmlsec1", "sqlite3", "tmux", "openssl",
    "softhsm2-util", "pkcs11-tool", "pkg-config", "python3", "dpkg-query", "apt-cache", "apt-get", "cc", "setpriv",
]
# Calls that start an external program in the Swift tests and sources.
TOOL_PATTERNS = [
    re.compile(r'Tools\.(?:run|require|path)\(\s*"([A-Za-z0-9_.+-]+)"'),
    re.compile(r'fileURLWithPath:\s*"/(?:usr/)?bin/([A-Za-z0-9_.+-]+)"'),
]
# Modules every Python installation brings (the checker falls back to pip's vendored `packaging`).
INTERPRETER_MODULES = {"__future__", "pip", "packaging"}


@dataclass
class Report:
    """What was checked and what is missing."""

    missing: dict[str, set[str]] = field(default_factory=dict)  # package or item -> what needs it
    unowned: list[str] = field(default_factory=list)
    checked: int = 0

    def need(self, package: str, reason: str) -> None:
        self.missing.setdefault(package, set()).add(reason)


def run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(arguments, capture_output=True, text=True, check=False)


def listed_packages(path: Path) -> list[str]:
    names = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line.split()[0])
    return names


def dependency_closure(packages: list[str]) -> set[str]:
    """The listed packages and everything they depend on (Depends and Pre-Depends, recursively)."""
    result = run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                  "--no-breaks", "--no-replaces", "--no-enhances", *packages])
    covered = set(packages)
    for line in result.stdout.splitlines():
        if not line.startswith(" "):
            covered.add(line.strip().strip("<>").split(":")[0])
        else:
            match = re.match(r"\s+\|?(?:Pre)?Depends:\s+<?([^>\s]+)>?", line)
            if match:
                covered.add(match.group(1).split(":")[0])
    return covered


_owner_cache: dict[str, str | None] = {}


def _variants(path: str) -> list[str]:
    candidates = [path, os.path.realpath(path)]
    for candidate in list(candidates):
        for prefix in ("/usr/lib/", "/usr/bin/", "/usr/sbin/"):
            if candidate.startswith(prefix):
                candidates.append(candidate.replace("/usr", "", 1))
    return candidates


def prefetch(paths: list[str]) -> None:
    """Looks up many paths with one dpkg-query call (one call per path takes a minute for glib's headers)."""
    wanted = {variant: path for path in paths if path not in _owner_cache for variant in _variants(path)}
    if not wanted:
        return
    result = run(["dpkg-query", "-S", *wanted])
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        if line.startswith("diversion") or ": " not in line:
            continue
        packages, _, shipped = line.partition(": ")
        found.setdefault(shipped.strip(), packages.split(",")[0].strip().split(":")[0])
    for variant, path in wanted.items():
        if variant in found and _owner_cache.get(path) is None:
            _owner_cache[path] = found[variant]
    for path in wanted.values():
        _owner_cache.setdefault(path, None)


def owner(path: str) -> str | None:
    """The Debian package that ships `path` (following /usr-merge symlinks), or None."""
    if path in _owner_cache:
        return _owner_cache[path]
    found = None
    for candidate in _variants(path):
        result = run(["dpkg-query", "-S", candidate])
        if result.returncode == 0:
            line = next((entry for entry in result.stdout.splitlines() if not entry.startswith("diversion")), "")
            found = line.split(": ", 1)[0].split(",")[0].strip().split(":")[0] or None
            if found:
                break
    _owner_cache[path] = found
    return found


def system_library_targets(package_swift: str) -> list[tuple[str, str | None]]:
    """(target name, pkg-config name or None) for each `.systemLibrary(` in Package.swift."""
    targets = []
    for block in re.findall(r"\.systemLibrary\((.*?)\)\s*,", package_swift, re.S):
        name = re.search(r'name:\s*"([^"]+)"', block)
        pkg = re.search(r'pkgConfig:\s*"([^"]+)"', block)
        if name:
            targets.append((name.group(1), pkg.group(1) if pkg else None))
    return targets


def check_pkg_config(target: str, module: str, report: Report, covered: set[str]) -> list[str]:
    """Walks the pkg-config closure of `module`; returns the -I flags of the whole closure."""
    seen: set[str] = set()
    queue = [(module, target)]
    include_flags: list[str] = []
    while queue:
        name, chain = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        pc_dir = run(["pkg-config", "--variable=pcfiledir", name])
        if pc_dir.returncode != 0:
            report.need(f"{name}.pc",
                        f"{chain} needs pkg-config module {name}, which no installed package ships: add the Debian "
                        f"package that contains {name}.pc to scripts/debian-packages.txt")
            continue
        pc_file = f"{pc_dir.stdout.strip()}/{name}.pc"
        report.checked += 1
        require(owner(pc_file), pc_file, f"{chain} → {name}.pc", report, covered)
        includes = run(["pkg-config", "--cflags-only-I", name]).stdout.split()
        include_flags.extend(includes)
        for flag in includes:
            directory = flag[2:]
            if directory not in ("/usr/include", "/usr/local/include") and os.path.isdir(directory):
                report.checked += 1
                require(owner(directory), directory, f"{chain} → {name} (-I{directory})", report, covered)
        requires = run(["pkg-config", "--print-requires", "--print-requires-private", name])
        for line in requires.stdout.splitlines():
            if line.strip():
                queue.append((line.split()[0], f"{chain} → {name}"))
    return include_flags


def check_headers(target: str, shim: Path, include_flags: list[str], report: Report, covered: set[str]) -> None:
    """Every header `shim.h` includes, directly or not, must come from a covered package."""
    result = run(["cc", "-M", "-x", "c", *include_flags, str(shim)])
    if result.returncode != 0:
        first = next((line for line in result.stderr.splitlines() if "error" in line), result.stderr.strip())
        report.need(f"headers of {target}", f"{shim} does not compile with the listed packages: {first}")
        return
    text = result.stdout.replace("\\\n", " ")
    headers = text.split(":", 1)[1].split() if ":" in text else []
    prefetch([h for h in headers if os.path.isabs(h)])
    for header in headers:
        if header.endswith(".h") and os.path.isabs(header) and not header.startswith(str(shim.parent)):
            report.checked += 1
            require(owner(header), header, f"{target} (#include {os.path.basename(header)})", report, covered)


def check_links(target: str, modulemap: Path, report: Report, covered: set[str]) -> None:
    for library in re.findall(r'link\s+"([^"]+)"', modulemap.read_text()):
        path = run(["cc", f"-print-file-name=lib{library}.so"]).stdout.strip()
        if not os.path.isabs(path):
            report.need(f"lib{library}.so", f"{target} links {library}, and no installed package ships lib{library}.so")
            continue
        report.checked += 1
        require(owner(path), path, f"{target} (link {library})", report, covered)


def require(package: str | None, path: str, reason: str, report: Report, covered: set[str]) -> None:
    if package is None:
        report.unowned.append(f"{path} ({reason}) is on this machine but no Debian package ships it")
    elif package not in covered and not required_priority(package):
        report.need(package, reason)


_priority_cache: dict[str, bool] = {}


def required_priority(package: str) -> bool:
    """Packages of priority `required` (dpkg, apt, coreutils…) are on every Debian system by definition."""
    if package not in _priority_cache:
        result = run(["dpkg-query", "-W", "-f=${Priority} ${Essential}", package])
        _priority_cache[package] = result.returncode == 0 and (
            result.stdout.startswith("required") or result.stdout.endswith("yes"))
    return _priority_cache[package]


def tools_used(root: Path) -> list[str]:
    tools = list(DECLARED_TOOLS)
    for folder in ("Sources", "Tests"):
        for path in (root / folder).rglob("*.swift"):
            text = path.read_text(errors="replace")
            for pattern in TOOL_PATTERNS:
                tools.extend(pattern.findall(text))
    return sorted(set(tools))


def check_tools(root: Path, report: Report, covered: set[str]) -> None:
    for tool in tools_used(root):
        # The Debian location first: a copy elsewhere on PATH (pyenv, /usr/local) proves nothing about the list.
        candidates = [f"/usr/bin/{tool}", f"/bin/{tool}", f"/usr/sbin/{tool}"]
        path = next((c for c in candidates if os.path.exists(c)), None) or shutil.which(tool)
        report.checked += 1
        if path is None:
            report.need(tool, f"the tests or the demo run {tool}, which is not installed and comes from no listed package")
            continue
        require(owner(path), path, f"tool {tool}", report, covered)


def marker_applies(requirement: str) -> bool:
    """Whether a Requires-Dist line applies to this interpreter (`tomli; python_version < "3.11"` does not)."""
    if ";" not in requirement:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:
        from pip._vendor.packaging.markers import Marker
    return Marker(requirement.split(";", 1)[1]).evaluate({"extra": ""})


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def check_python(root: Path, requirements: Path, report: Report) -> None:
    """Third-party modules imported by the test scripts come from requirements-test.txt (or their dependencies)."""
    from importlib import metadata

    pinned = {}
    for line in requirements.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = re.match(r"([A-Za-z0-9_.-]+)\s*==\s*(\S+)$", line)
            if not match:
                report.need(line, f"{requirements.name}: pin every test tool with == (got '{line}')")
                continue
            pinned[normalise(match.group(1))] = match.group(2)
    closure = set(pinned)
    queue = list(pinned)
    while queue:
        name = queue.pop()
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            report.need(name, f"{requirements.name} pins {name}, which is not installed: run scripts/setup.sh")
            continue
        version = metadata.version(name)
        if name in pinned and version != pinned[name]:
            report.need(name, f"{requirements.name} pins {name}=={pinned[name]} but {version} is installed")
        for requirement in requires:
            if "extra ==" in requirement or not marker_applies(requirement):
                continue
            dependency = normalise(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
            if dependency not in closure:
                closure.add(dependency)
                queue.append(dependency)
    distributions = {module: [normalise(d) for d in dists]
                     for module, dists in metadata.packages_distributions().items()}
    scripts = [p for folder in ("Tests", "tools", "scripts") for p in (root / folder).rglob("*.py")]
    local_modules = {p.stem for p in scripts}
    for script in scripts:
        tree = ast.parse(script.read_text(), filename=str(script))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in local_modules or top in INTERPRETER_MODULES:
                    continue
                report.checked += 1
                owners = distributions.get(top)
                if not owners:
                    report.need(top, f"{script.relative_to(root)} imports {top}, which no installed distribution "
                                     f"provides: add it to {requirements.name}")
                elif not any(d in closure for d in owners):
                    report.need(owners[0], f"{script.relative_to(root)} imports {top} ({owners[0]}), which "
                                           f"{requirements.name} does not name")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root_default = Path(__file__).resolve().parent.parent
    parser.add_argument("--root", type=Path, default=root_default)
    parser.add_argument("--packages", type=Path)
    parser.add_argument("--requirements", type=Path)
    options = parser.parse_args()
    root = options.root
    packages_file = options.packages or root / "scripts/debian-packages.txt"
    requirements = options.requirements or root / "requirements-test.txt"

    listed = listed_packages(packages_file)
    covered = dependency_closure(listed)
    report = Report()
    for target, module in system_library_targets((root / "Package.swift").read_text()):
        include_flags = check_pkg_config(target, module, report, covered) if module else []
        check_headers(target, root / "Sources" / target / "shim.h", include_flags, report, covered)
        check_links(target, root / "Sources" / target / "module.modulemap", report, covered)
    check_tools(root, report, covered)
    check_python(root, requirements, report)

    for line in report.unowned:
        print(f"note: {line}", file=sys.stderr)
    if report.missing:
        print(f"dependency check: {len(report.missing)} missing from {packages_file.name} / {requirements.name}:",
              file=sys.stderr)
        for package in sorted(report.missing):
            reasons = sorted(report.missing[package])
            print(f"  MISSING {package}: needed by {reasons[0]}"
                  + (f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""), file=sys.stderr)
        return 1
    print(f"dependency check: {report.checked} files, tools and modules, each from a listed package "
          f"({len(listed)} listed, {len(covered)} with their dependencies)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
