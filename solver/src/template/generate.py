#!/usr/bin/env python3
"""Writes CpuAdiDouble.java and CpuAdiFloat.java from CpuAdi.java.template (run after editing the template; the
generated sources are committed, each headed by the SHA-256 of the template it came from).

  python3 solver/src/template/generate.py            write both sources
  python3 solver/src/template/generate.py --check    exit 1, naming them, if the committed sources are not what the
                                                     template gives (CpuAdiSourcesFreshnessTest runs this)
"""
import hashlib
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
template_path = os.path.join(here, 'CpuAdi.java.template')
out = os.path.join(here, '..', 'main', 'java', 'org', 'glassguide', 'solver', 'compute')
raw = open(template_path, 'rb').read()
t = raw.decode('utf-8')
digest = hashlib.sha256(raw).hexdigest()
# lanes per block: C2 (JDK 17, AVX-512) runs a loop's vector main body only for trip counts of at least 4 vectors
# (64 floats, 32 doubles); shorter loops run scalar (measured: 32-float rows cost 3x the 64-float ones per element).
# 128 floats and 64 doubles measured fastest at 1024^2 and 2048^2; more overflows the 1 MB L2 with the line buffers.
blocks = {'double': 64, 'float': 128}


def generated():
    for real, cls, prec, desc in (
            ('double', 'CpuAdiDouble', 'DOUBLE', 'The CPU ADI stepper in double precision.'),
            ('float', 'CpuAdiFloat', 'FLOAT', 'The CPU ADI stepper in single precision (shared factors computed in double, then rounded).')):
        s = t.replace('CLASSNAME', cls).replace('PRECISION', prec).replace('DESCRIPTION', desc).replace('REAL', real)
        s = s.replace('BLOCKSIZE', str(blocks[real]))
        s = s.replace('(double) ', '') if real == 'double' else s
        s = ('// Generated from solver/src/template/CpuAdi.java.template (sha256 ' + digest
             + ') by generate.py: edit the template.\n' + s)
        yield cls, s


if __name__ == '__main__':
    check = '--check' in sys.argv[1:]
    stale = []
    for cls, s in generated():
        path = os.path.join(out, cls + '.java')
        if check:
            with open(path, encoding='utf-8') as f:
                if f.read() != s:
                    stale.append(cls + '.java')
        else:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(s)
    if stale:
        print('stale: ' + ', '.join(stale) + ' differ from what CpuAdi.java.template gives; run python3 solver/src/template/generate.py')
        sys.exit(1)
