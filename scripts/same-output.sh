#!/usr/bin/env bash
# Guards a refactor of the extractor: extracts PolNeAR train and dev and
# news-dev with the release binary (YAML claim files and BRAT .ann) into a
# folder and compares it byte for byte with a saved copy.
#
#   scripts/same-output.sh --save DIR   # take the baseline (before changing anything)
#   scripts/same-output.sh DIR          # compare with it; exit 1 on any difference
#
# The corpus is ../shared/corpus, or $CLAIMTRACK_CORPUS.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/same-output.sh [--save] DIR" >&2; exit 2; }
save=0
if [ "${1:-}" = "--save" ]; then save=1; shift; fi
[ $# -eq 1 ] || usage
saved="$1"
corpus="${CLAIMTRACK_CORPUS:-../shared/corpus}"
for d in polnear/train/text polnear/dev/text news-dev/articles; do
    [ -d "$corpus/$d" ] || { echo "same-output: no $corpus/$d" >&2; exit 2; }
done

cargo build --locked --release --quiet
bin=target/release/claimtrack
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for set in polnear/train/text polnear/dev/text news-dev/articles; do
    name="${set%%/*}-$(basename "$(dirname "$set")")"
    [ "$set" = news-dev/articles ] && name=news-dev
    actors=()
    [ "$set" = news-dev/articles ] && actors=(--actors "$corpus/news-dev/claims/actors.yaml")
    "$bin" extract "$corpus/$set" -o "$out/$name/yaml" "${actors[@]}" --quiet
    "$bin" extract "$corpus/$set" -o "$out/$name/brat" --format brat "${actors[@]}" --quiet
done

if [ "$save" = 1 ]; then
    rm -rf "$saved"
    mkdir -p "$(dirname "$saved")"
    cp -a "$out" "$saved"
    echo "same-output: saved $(find "$saved" -type f | wc -l) files in $saved"
    exit 0
fi
if diff -r "$saved" "$out" >"$out.diff" 2>&1; then
    echo "same-output: identical ($(find "$out" -type f | wc -l) files)"
    rm -f "$out.diff"
else
    echo "same-output: DIFFERENT from $saved:" >&2
    head -n 40 "$out.diff" >&2
    rm -f "$out.diff"
    exit 1
fi
