#!/usr/bin/env bash
# On a machine with an NVIDIA GPU (CUDA 13 driver; Java 17 and Maven with GlassGuide's dependencies
# reachable or cached): builds the kernels' PTX, runs the CPU-vs-GPU equivalence tests (the ADI step, the
# unsplit wide-angle solve with its vectors on the device, whole 3D wide-angle runs at 1.56/1.44) and prints the
# GPU table of `glassguide bench bpm --device gpu` (1024², 2048², 4096² in float and double: cell-steps/s,
# bytes per cell-step, achieved and measured bandwidth, speed-up over the CPU backend on this machine) and the
# wide-angle cost table (`--wide-angle pade11`: the unsplit step beside the paraxial one).
# Exit status: 0 when every check ran and passed, 1 when a check failed, 3 when there is no usable GPU.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
else
  echo "device-check: nvidia-smi not found"
fi
echo "== building (the PTX is compiled afresh where nvcc is on the PATH)"
if ! mvn -B -q -DskipTests install; then
  echo "device-check: the build failed"; exit 1
fi
echo "== kernel arithmetic on the host, PTX freshness, CPU-vs-GPU equivalence"
log="$(mktemp)"
mvn -B -pl gpu surefire:test -Dtest='KernelHarnessTest,PtxFreshnessTest,KernelAdiStepperTest,PropagatorOnKernelsTest,DeviceKrylovVectorsTest,CudaEquivalenceTest,DeviceSelectionTest' \
  -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
status=$?
grep -E "GPU vs CPU|SKIPPED|equivalence on|Tests run:|FAIL" "$log"
if [ $status -ne 0 ]; then
  echo "device-check: tests failed (full log: $log)"; exit 1
fi
if grep -q "SKIPPED CPU-vs-GPU" "$log"; then
  echo "device-check: no usable GPU here; the equivalence tests were skipped"; exit 3
fi
echo "== GPU benchmark"
java -XX:+UseParallelGC -jar ui/target/glassguide.jar bench bpm --device gpu || exit 1
java -XX:+UseParallelGC -jar ui/target/glassguide.jar bench bpm --device gpu --wide-angle pade11 || exit 1
