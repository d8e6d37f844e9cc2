#!/usr/bin/env bash
# Renders the HTML report of a claims directory and screenshots it in
# headless Chromium, so a person can look at the page as a reader would.
#
#   scripts/screenshot-report.sh [CLAIMS_DIR] [OUT_PNG] [-- extra report args]
#
# Defaults: claims/ and /tmp/claimtrack-report.png. Needs chromium
# (Debian: apt-get install chromium). The page makes no network request (its
# Content-Security-Policy forbids it), and Chromium runs with networking
# features off and a throwaway profile. The screenshot is not committed.
set -euo pipefail

dir=${1:-claims}
png=${2:-/tmp/claimtrack-report.png}
shift $(( $# > 2 ? 2 : $# ))
[[ ${1:-} == -- ]] && shift

root=$(cd "$(dirname "$0")/.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "screenshot-report: chromium not found (apt-get install chromium)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
html=$work/report.html

cargo run --quiet --manifest-path "$root/Cargo.toml" -- report "$dir" --format html "$@" >"$html"

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run \
  --user-data-dir="$work/profile" --hide-scrollbars \
  --screenshot="$png" --window-size="${WINDOW_SIZE:-1280,2000}" \
  "file://$html" 2>"$work/chromium.log" || {
  cat "$work/chromium.log" >&2
  exit 1
}
echo "screenshot-report: $png ($(wc -c <"$html") bytes of HTML)"
