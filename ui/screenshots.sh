#!/usr/bin/env bash
# Screenshots of every view of the desktop app for the README, made under a virtual X display:
#   bash ui/screenshots.sh [DESIGN.yaml] [OUT_DIR]
# Installs Xvfb from Debian when it is missing (needs root or sudo), opens the design, runs every view's computation
# and writes one PNG per view (design.png, materials.png, modes.png, loss-emission-gain.png, teaching.png).
set -euo pipefail
cd "$(dirname "$0")/.."
design="${1:-examples/zif62-hfk95n-loss.yaml}"
out="${2:-ui/screenshots}"
if ! command -v xvfb-run > /dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq xvfb xauth > /dev/null
fi
mkdir -p "$out"
GLASSGUIDE_JAVA_OPTS="${GLASSGUIDE_JAVA_OPTS:-} -Dprism.order=sw" \
  xvfb-run -a -s "-screen 0 1400x1000x24" ./glassguide gui "$design" --screenshots "$out"
ls -l "$out"
