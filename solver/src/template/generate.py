#!/usr/bin/env python3
"""Writes CpuAdiDouble.java and CpuAdiFloat.java from CpuAdi.java.template (run from this folder
after editing the template; the generated sources are committed)."""
import os
here = os.path.dirname(os.path.abspath(__file__))
t = open(os.path.join(here, 'CpuAdi.java.template')).read()
out = os.path.join(here, '..', 'main', 'java', 'org', 'glassguide', 'solver', 'compute')
import sys
# lanes per block: C2 (JDK 17, AVX-512) runs a loop's vector main body only for trip counts of at least 4 vectors
# (64 floats, 32 doubles); shorter loops run scalar (measured: 32-float rows cost 3x the 64-float ones per element).
# 128 floats and 64 doubles measured fastest at 1024^2 and 2048^2; more overflows the 1 MB L2 with the line buffers.
blocks = {'double': int(sys.argv[1]) if len(sys.argv) > 1 else 64, 'float': int(sys.argv[2]) if len(sys.argv) > 2 else 128}
for real, cls, prec, desc in (
        ('double', 'CpuAdiDouble', 'DOUBLE', 'The CPU ADI stepper in double precision.'),
        ('float', 'CpuAdiFloat', 'FLOAT', 'The CPU ADI stepper in single precision (shared factors computed in double, then rounded).')):
    s = t.replace('CLASSNAME', cls).replace('PRECISION', prec).replace('DESCRIPTION', desc).replace('REAL', real)
    s = s.replace('BLOCKSIZE', str(blocks[real]))
    s = s.replace('(double) ', '') if real == 'double' else s
    s = '// Generated from solver/src/template/CpuAdi.java.template by generate.py: edit the template.\n' + s
    open(os.path.join(out, cls + '.java'), 'w').write(s)
