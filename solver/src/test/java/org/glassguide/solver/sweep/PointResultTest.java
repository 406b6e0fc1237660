package org.glassguide.solver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Resume records: a torn or corrupted line is never read as data; the point is computed again instead. */
class PointResultTest {
    static PointResult twoRows(int point) {
        Map<String, Double> a = new LinkedHashMap<>();
        a.put("wavelengthM", 1.31e-6);
        a.put("mfdM", 8.850893e-5);
        Map<String, Double> b = new LinkedHashMap<>();
        b.put("wavelengthM", 1.55e-6);
        b.put("mfdM", 1.0412e-5);
        return new PointResult(point, List.of(a, b), "");
    }

    @Test
    void wholeRecordsRoundTripBitForBit() {
        List<String> lines = new ArrayList<>(twoRows(0).lines());
        lines.addAll(new PointResult(1, List.of(), "core radius (-1 m) must be positive").lines());
        Map<Integer, PointResult> back = PointResult.parse(lines);
        assertEquals(twoRows(0), back.get(0));
        assertEquals("core radius (-1 m) must be positive", back.get(1).error());
    }

    @Test
    void everyCutOfTheLastLineDropsThePoint() {
        List<String> lines = twoRows(3).lines();
        String last = lines.get(1);
        for (int cut = 0; cut < last.length(); cut++) {
            Map<Integer, PointResult> back = PointResult.parse(List.of(lines.get(0), last.substring(0, cut)));
            assertFalse(back.containsKey(3), "cut at " + cut + " read as data: " + back);
        }
        // a point missing its last row entirely is dropped too
        assertFalse(PointResult.parse(List.of(lines.get(0))).containsKey(3));
    }

    @Test
    void aChangedDigitIsCaught() {
        List<String> lines = twoRows(5).lines();
        String bad = lines.get(0).replace("8.850893E-5", "8.850893E-0");
        assertTrue(!bad.equals(lines.get(0)), "the digit was changed");
        assertFalse(PointResult.parse(List.of(bad, lines.get(1))).containsKey(5));
    }
}
