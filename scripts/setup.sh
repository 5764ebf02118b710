#!/usr/bin/env bash
# Installs what hocba needs on Debian 12: the packages in scripts/debian-packages.txt (only those missing), the
# Python test tools of requirements-test.txt into ./.venv (only those missing), then resolves the Swift packages.
# Ends with one short block saying what it installed and what was already there. Running it twice installs nothing
# the second time. Used by the README, scripts/test.sh (so .ci/run) and developers alike.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

english=false
case "${HOCBA_LANG:-${LANG:-}}" in en*) english=true ;; esac
say() { if $english; then echo "$2"; else echo "$1"; fi; }

# Debian packages.
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
  say "hocba setup: đang cài ${#missing[@]} gói Debian…" "hocba setup: installing ${#missing[@]} Debian packages…" >&2
  log=$(mktemp)
  if ! { $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    say "hocba setup: cài gói Debian thất bại (xem trên); kiểm tra mạng và quyền sudo rồi chạy lại." \
      "hocba setup: installing Debian packages failed (see above); check the network and sudo, then run again." >&2
    exit 1
  fi
  rm -f "$log"
fi

# Python test tools, in a virtual environment of the project's own (Debian's python3 refuses system-wide pip
# installs, PEP 668; a venv also proves requirements-test.txt is complete).
venv="$root/.venv"
if [ ! -x "$venv/bin/python3" ]; then
  python3 -m venv "$venv"
fi
installed_python=$("$venv/bin/python3" -m pip freeze --disable-pip-version-check 2>/dev/null | tr 'A-Z_' 'a-z-')
python_missing=()
python_present=0
while read -r requirement; do
  requirement=${requirement%%#*}
  requirement=$(echo "$requirement" | tr -d '[:space:]')
  [ -z "$requirement" ] && continue
  if grep -qxF "$(echo "$requirement" | tr 'A-Z_' 'a-z-')" <<<"$installed_python"; then
    python_present=$((python_present + 1))
  else
    python_missing+=("$requirement")
  fi
done <"$root/requirements-test.txt"
if ((${#python_missing[@]} > 0)); then
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "${python_missing[@]}"
fi

cd "$root"
if ! resolved=$(swift package resolve 2>&1); then
  echo "$resolved" >&2
  say "hocba setup: không tải được gói Swift (xem trên)." "hocba setup: the Swift packages could not be resolved (see above)." >&2
  exit 1
fi

list() { if (($# > 0)); then echo " ($*)"; fi; }
{
  say "hocba setup:" "hocba setup:"
  say "  gói Debian:        cài mới ${#missing[@]}$(list "${missing[@]}"); đã có $((${#wanted[@]} - ${#missing[@]}))" \
    "  Debian packages:   installed ${#missing[@]}$(list "${missing[@]}"); already there $((${#wanted[@]} - ${#missing[@]}))"
  say "  công cụ Python:    cài mới ${#python_missing[@]}$(list "${python_missing[@]}"); đã có $python_present (trong .venv)" \
    "  Python test tools: installed ${#python_missing[@]}$(list "${python_missing[@]}"); already there $python_present (in .venv)"
  say "  gói Swift:         đã sẵn sàng (Package.swift)" "  Swift packages:    resolved (Package.swift)"
} >&2
