#!/usr/bin/env bash
# Quality gate: runs the span evaluation on PolNeAR dev, the claim
# evaluation on news-dev (tuned on) and its leave-one-dispute-out figures,
# checks that the compiled-in cue model and linker are retrains of PolNeAR
# train and news-dev, and fails when any figure drops more than
# TOLERANCE (0.02) below the value recorded in quality/baseline.json.
# Skips (exit 0, with a message) when the corpus is absent.
#
#   scripts/quality-gate.sh            # check against the record
#   scripts/quality-gate.sh --print    # print the current figures as JSON (to update the record)
#
# The corpus is ../shared/corpus, or $CLAIMTRACK_CORPUS.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${CLAIMTRACK_CORPUS:-../shared/corpus}"
record="quality/baseline.json"
tolerance="0.02"

if [ ! -d "$corpus/polnear/dev" ] || [ ! -d "$corpus/polnear/train" ] || [ ! -d "$corpus/news-dev" ]; then
    echo "quality gate: skipped: no corpus at $corpus (needs polnear/train, polnear/dev and news-dev)"
    exit 0
fi
if ! command -v jq >/dev/null; then
    echo "quality gate: jq is required to compare figures" >&2
    exit 1
fi

cargo build --locked --release --quiet
bin=target/release/claimtrack
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$bin" eval spans --gold "$corpus/polnear/dev/attributions" --text "$corpus/polnear/dev/text" \
    --format json >"$tmp/spans.json"
"$bin" extract "$corpus/news-dev/articles" -o "$tmp/pred" \
    --actors "$corpus/news-dev/claims/actors.yaml" 2>/dev/null
cp "$corpus/news-dev/claims/actors.yaml" "$tmp/pred/"
# The documented workflow: extract, then link the claims across articles.
"$bin" link "$tmp/pred" --write >/dev/null 2>&1
"$bin" eval claims --gold "$corpus/news-dev/claims" --pred "$tmp/pred" --format json >"$tmp/claims.json"
# Figures on disputes the linker was not trained on (leave one dispute out).
"$bin" eval lodo --corpus "$corpus/news-dev" --format json >"$tmp/lodo.json"

# The compiled-in cue model is what `train --corpus` makes of PolNeAR train,
# byte for byte (a rule change that changes what the rules assemble changes
# the filter's examples: retrain and commit the model with it).
"$bin" train --corpus "$corpus/polnear/train" -o "$tmp/cue.model" 2>/dev/null
if ! cmp -s "$tmp/cue.model" src/extract/model/claimtrack.model; then
    echo "quality gate: src/extract/model/claimtrack.model differs from a retrain on PolNeAR train" >&2
    echo "  (claimtrack train --corpus $corpus/polnear/train -o src/extract/model/claimtrack.model --force)" >&2
    exit 1
fi

# The compiled-in linker is what `train --links` makes of news-dev, byte for byte.
"$bin" train --links "$corpus/news-dev/claims" -o "$tmp/linker.model" 2>/dev/null
if ! cmp -s "$tmp/linker.model" src/extract/model/linker.model; then
    echo "quality gate: src/extract/model/linker.model differs from a retrain on news-dev" >&2
    echo "  (claimtrack train --links $corpus/news-dev/claims -o src/extract/model/linker.model --force)" >&2
    exit 1
fi

current="$(jq -n --slurpfile s "$tmp/spans.json" --slurpfile c "$tmp/claims.json" --slurpfile l "$tmp/lodo.json" '{
  polnear_dev: {
    attribution_f1: $s[0].attribution.f1,
    attribution_source_f1: $s[0].attribution_source.f1,
    cue_exact_f1: $s[0].cue.exact.f1,
    source_exact_f1: $s[0].source.exact.f1,
    content_overlap_f1: $s[0].content.overlap.f1
  },
  news_dev: {
    claims_f1: $c[0].claims.f1,
    claimant_f1: $c[0].claimant.f1,
    stance_accuracy: $c[0].stance_accuracy,
    denies_f1: $c[0].denies.f1,
    links_f1: $c[0].links.f1,
    contest_links_f1: $c[0].contest_links.f1,
    contested_f1: $c[0].contested.f1
  },
  news_dev_leave_one_dispute_out: {
    claims_f1: $l[0].pooled_end_to_end.claims,
    claimant_f1: $l[0].pooled_end_to_end.claimant,
    denies_f1: $l[0].pooled_end_to_end.denies,
    contest_links_f1: $l[0].pooled_end_to_end.contest_links,
    contested_f1: $l[0].pooled_end_to_end.contested,
    link_only_contest_links_f1: $l[0].pooled_link_only.contest_links,
    link_only_contested_f1: $l[0].pooled_link_only.contested
  }
} | walk(if type == "number" then (. * 1000 | round / 1000) else . end)')"

if [ "${1:-}" = "--print" ]; then
    echo "$current"
    exit 0
fi

report="$(jq -rn --argjson cur "$current" --slurpfile rec "$record" --argjson tol "$tolerance" '
  [ $rec[0] | paths(numbers) as $p
    | { name: ($p | join(".")), was: getpath($p), now: ($cur | getpath($p)) } ]
  | map(. + { drop: (.now == null or .now < .was - $tol) })
  | (map("\(if .drop then "FAIL" else "ok  " end) \(.name): \(.now) (recorded \(.was))") | join("\n")),
    (if any(.drop) then "FAILED" else "PASSED" end)')"
echo "$report"
if [ "$(echo "$report" | tail -1)" = "FAILED" ]; then
    echo "quality gate: a figure dropped more than $tolerance below $record" >&2
    exit 1
fi
echo "quality gate: all figures within $tolerance of $record"
