#!/usr/bin/env bash
# Compiles the GPU kernels (gpu/src/main/cuda/*.cu) to PTX with nvcc, when nvcc is on the PATH.
#   build-ptx.sh DIR      writes DIR/org/glassguide/gpu/adi.ptx (the Maven build passes target/classes, so a
#                         freshly built PTX replaces the committed one in the jar)
#   build-ptx.sh --commit refreshes the committed PTX and the hash of its sources (run after editing a .cu/.cuh)
# Without nvcc it says so and leaves the committed PTX in place. compute_75 PTX runs on every GPU from
# Turing on (the driver compiles it for the card at load time); PTX ISA 9.0 needs a CUDA 13 driver.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src/main/cuda"
res="$here/src/main/resources/org/glassguide/gpu"
if ! command -v nvcc >/dev/null 2>&1; then
  echo "build-ptx: nvcc not on the PATH; the committed PTX ships unchanged"
  exit 0
fi
if [ "${1:-}" = "--commit" ]; then
  out="$res"
else
  out="${1:?usage: build-ptx.sh OUTPUT_DIR | --commit}/org/glassguide/gpu"
fi
mkdir -p "$out"
nvcc -ptx -arch=compute_75 -O3 -o "$out/adi.ptx.tmp" "$src/adi.cu"
mv "$out/adi.ptx.tmp" "$out/adi.ptx"
if [ "${1:-}" = "--commit" ]; then
  (cd "$src" && cat adi.cu adi_kernels.cuh | sha256sum | cut -d' ' -f1) > "$res/adi.ptx.sources.sha256"
fi
echo "build-ptx: $(nvcc --version | tail -1) -> $out/adi.ptx"
