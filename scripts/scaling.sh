#!/usr/bin/env bash
# Extraction throughput of the CLI with 1 and 2 threads, runs interleaved
# (1, 2, 1, 2, …) so that a change in the machine's load hits both alike.
# Prints each run, then min/median/max seconds and words/s per thread count
# and the ratio of the medians. Words are `wc -w` of the input texts.
#
#   scripts/scaling.sh [RUNS] [DIR]    # default: 7 runs over the PolNeAR train texts
#
# Needs a quiet machine to mean anything: another busy process takes a core
# from the 2-thread runs. Skips (exit 0) when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-7}"
dir="${2:-${CLAIMTRACK_CORPUS:-../shared/corpus}/polnear/train/text}"
if [ ! -d "$dir" ]; then
    echo "scaling: skipped: no corpus at $dir"
    exit 0
fi
cargo build --locked --release --quiet
bin=target/release/claimtrack
words=$(find "$dir" -name '*.txt' -print0 | xargs -0 cat | wc -w)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "input: $dir ($words words); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
    for j in 1 2; do
        start=$(date +%s.%N)
        "$bin" extract "$dir" -j"$j" --format jsonl -q >/dev/null
        end=$(date +%s.%N)
        t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
        echo "$t" >>"$tmp/j$j"
        printf 'run %d -j%d %.3f s\n' "$i" "$j" "$t"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for j in 1 2; do
    min=$(sort -g "$tmp/j$j" | head -1)
    max=$(sort -g "$tmp/j$j" | tail -1)
    med=$(median "$tmp/j$j")
    printf -- '-j%d: min %.3f s, median %.3f s, max %.3f s; median %.0f words/s\n' \
        "$j" "$min" "$med" "$max" "$(awk -v w="$words" -v t="$med" 'BEGIN {print w / t}')"
done
printf 'ratio of medians (1 thread / 2 threads): %.2fx\n' \
    "$(awk -v a="$(median "$tmp/j1")" -v b="$(median "$tmp/j2")" 'BEGIN {print a / b}')"
