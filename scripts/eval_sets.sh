#!/usr/bin/env bash
# Generates the scored sets of issue 13 into OUT and, given a hocba binary, imports and scores them:
#   development set  OUT/dev     --family classic (the first layout family, tuned on), seed 4242
#   development set  OUT/devfam  --family devmix (the development families workshop, county, cityschool and province), seed 5151
#   evaluation set   OUT/eval    --family mixed (the evaluation families, never tuned on), seed 9001
# All: 6 students, --variation high --formats png,jpg,tif,pdf --extras all. Everything is synthetic.
# The evaluation set (and its families, tools/scangen/families.py) is for scoring only: do not read its failures one by one and patch them.
# Usage: scripts/eval_sets.sh OUT [HOCBA]     (HOCBA_LANG=en for English eval output)
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 OUT [path/to/hocba]" >&2
  exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$1
hocba=${2:-}
py=${PYTHON:-$root/.venv/bin/python3}
[[ -x $py ]] || py=python3
students=6
common=(--students "$students" --variation high --formats png,jpg,tif,pdf --extras all)
lang=()
[[ -n ${HOCBA_LANG:-} ]] && lang=(--lang "$HOCBA_LANG")

mkdir -p "$out"
# name seed family label
sets=("dev 4242 classic development set" "devfam 5151 devmix development set" "eval 9001 mixed evaluation set")
for s in "${sets[@]}"; do
  read -r name seed family _label <<<"$s"
  rm -rf "${out:?}/$name" "$out/$name.sqlite" "$out/$name.sqlite-wal" "$out/$name.sqlite-shm"
  "$py" "$root/tools/scangen/scangen.py" --out "$out/$name" --seed "$seed" --family "$family" "${common[@]}"
done
[[ -n $hocba ]] || exit 0

cd "$root" # the default ./Mappings
for s in "${sets[@]}"; do
  read -r name _seed _family _label <<<"$s"
  status=0
  "$hocba" import "$out/$name" --db "$out/$name.sqlite" --jobs 2 "${lang[@]}" >"$out/$name.import.log" 2>&1 || status=$?
  echo "import of $out/$name: exit status $status (log: $out/$name.import.log)"
done
for s in "${sets[@]}"; do
  read -r name seed family label <<<"$s"
  echo
  echo "=== $label (family $family, seed $seed, $students students) ==="
  "$hocba" eval --db "$out/$name.sqlite" --truth "$out/$name/truth" "${lang[@]}"
done
