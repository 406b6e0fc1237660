#!/usr/bin/env python3
# Generates formula-reference.csv: the nine refractiveindex.info dispersion formulas evaluated with
# mpmath at 30 digits, straight from the definitions in the database's "Dispersion formulas" document,
# for arbitrary but physical coefficient sets. Run: python3 make_formula_reference.py > formula-reference.csv
import mpmath as mp
mp.mp.dps = 30
cases = {
 1: [0, 0.6961663, 0.0684043, 0.4079426, 0.1162414, 0.8974794, 9.896161],
 2: [0.1, 1.03961212, 0.00600069867, 0.231792344, 0.0200179144, 1.01046945, 103.560653],
 3: [2.1, -0.01, 2, 0.02, -2, 0.0004, -4],
 4: [2.2, 0.9, 2, 0.12, 2, 0.3, 2, 9.5, 2, -0.002, 2],
 5: [1.5, 0.004, -2, 0.0001, -4],
 6: [0, 0.05792105, 238.0185, 0.00167917, 57.362],
 7: [1.5, 0.006, -0.0001, -0.002, 1e-5, -1e-7],
 8: [0.3, 0.02, 0.01, -0.001],
 9: [2.2, 0.03, 0.02, 0.01, 0.15, 0.02],
}
def n(f, c, l):
    l = mp.mpf(l); c = [mp.mpf(x) for x in c] + [mp.mpf(0)] * 17
    if f == 1:
        s = 1 + c[0]
        for i in range(1, 16, 2): s += c[i] * l**2 / (l**2 - c[i+1]**2)
        return mp.sqrt(s)
    if f == 2:
        s = 1 + c[0]
        for i in range(1, 16, 2): s += c[i] * l**2 / (l**2 - c[i+1])
        return mp.sqrt(s)
    if f == 3:
        s = c[0]
        for i in range(1, 16, 2): s += c[i] * l**c[i+1]
        return mp.sqrt(s)
    if f == 4:
        s = c[0] + c[1] * l**c[2] / (l**2 - c[3]**c[4]) + c[5] * l**c[6] / (l**2 - c[7]**c[8])
        for i in range(9, 16, 2): s += c[i] * l**c[i+1]
        return mp.sqrt(s)
    if f == 5:
        s = c[0]
        for i in range(1, 16, 2): s += c[i] * l**c[i+1]
        return s
    if f == 6:
        s = 1 + c[0]
        for i in range(1, 16, 2):
            if c[i] != 0: s += c[i] / (c[i+1] - l**-2)
        return s
    if f == 7:
        d = 1 / (l**2 - mp.mpf('0.028'))
        return c[0] + c[1]*d + c[2]*d**2 + c[3]*l**2 + c[4]*l**4 + c[5]*l**6
    if f == 8:
        r = c[0] + c[1]*l**2/(l**2 - c[2]) + c[3]*l**2
        return mp.sqrt((1 + 2*r)/(1 - r))
    if f == 9:
        return mp.sqrt(c[0] + c[1]/(l**2 - c[2]) + c[3]*(l - c[4])/((l - c[4])**2 + c[5]))
print('# formula;coefficients;wavelength_um;n  (mpmath, 30 digits; see make_formula_reference.py)')
for f, c in cases.items():
    for l in ['0.45', '0.6328', '1.064', '1.55']:
        print('%d;%s;%s;%s' % (f, ' '.join(repr(x) for x in c), l, mp.nstr(n(f, c, l), 20)))
