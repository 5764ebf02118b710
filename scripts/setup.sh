#!/usr/bin/env bash
# Installs what hocba needs on Debian 12: the packages in scripts/debian-packages.txt (only those missing),
# then resolves the Swift packages. Safe to run again; used by the README, .ci/run and developers alike.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

mapfile -t wanted < <(sed -e 's/#.*//' "$root/scripts/debian-packages.txt" | awk 'NF { print $1 }')
missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "hocba setup: cài đặt ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "hocba setup: các gói Debian đã đủ" >&2
fi

if [ -f "$root/requirements-test.txt" ] && grep -q '^[a-zA-Z]' "$root/requirements-test.txt"; then
  python3 -m pip install --quiet --disable-pip-version-check -r "$root/requirements-test.txt"
fi

cd "$root"
swift package resolve >/dev/null
