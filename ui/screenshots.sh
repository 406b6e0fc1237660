#!/usr/bin/env bash
# Screenshots of every view of the desktop app for the README, made under a virtual X display:
#   bash ui/screenshots.sh [DESIGN.yaml] [OUT_DIR] [BPM_DESIGN.yaml]
# OUT_DIR defaults to out/screenshots; the README's own pictures (ui/screenshots) are replaced only when named.
# Installs Xvfb and GTK 3 from Debian when they are missing (needs root or sudo), opens the design, runs every view's computation
# and writes one PNG per view (design.png, materials.png, modes.png, propagation.png, loss-emission-gain.png,
# teaching.png); the propagation picture comes from a second design with a propagation: section, modes-vector.png from
# a full-vectorial waveguide.
set -euo pipefail
cd "$(dirname "$0")/.."
design="${1:-examples/zif62-hfk95n-loss.yaml}"
out="${2:-out/screenshots}"
# a folder of something else is never written into: missing, empty, a screenshot folder of ours, or the README's
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -e "$out/.glassguide-screenshots" ] && [ "$out" != "ui/screenshots" ]; then
  echo "error: $out holds files that are not GlassGuide screenshots; give an empty or new folder" >&2
  exit 2
fi
# JavaFX's desktop glass needs GTK 3; Xvfb gives it a display
if ! command -v xvfb-run > /dev/null || ! ldconfig -p | grep -q libgtk-3.so.0; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # Debian 13 renamed the GTK 3 package (64-bit time_t)
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq xvfb xauth libgtk-3-0 > /dev/null \
    || DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq xvfb xauth libgtk-3-0t64 > /dev/null
fi
bpm="${3:-examples/bent-channel-bpm.yaml}"
mkdir -p "$out"
[ "$out" != "ui/screenshots" ] && touch "$out/.glassguide-screenshots"
shoot() {
  GLASSGUIDE_JAVA_OPTS="${GLASSGUIDE_JAVA_OPTS:-} -Dprism.order=sw" \
    xvfb-run -a -s "-screen 0 1400x1000x24" ./glassguide gui "$1" --screenshots "$2"
}
shoot "$design" "$out"
tmp="$(mktemp -d)"
shoot "$bpm" "$tmp"
cp "$tmp/propagation.png" "$out/propagation.png"
rm -rf "$tmp"
# a waveguide's full-vectorial modes, with the field arrows and the index map
tmp="$(mktemp -d)"
shoot examples/buried-channel-vector.yaml "$tmp"
cp "$tmp/modes.png" "$out/modes-vector.png"
cp "$tmp/design.png" "$out/design-waveguide.png"
rm -rf "$tmp"
ls -l "$out"
