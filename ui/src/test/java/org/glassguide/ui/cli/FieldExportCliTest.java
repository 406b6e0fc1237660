package org.glassguide.ui.cli;

import static org.glassguide.ui.cli.GlassGuideCliTest.assertBadInput;
import static org.glassguide.ui.cli.GlassGuideCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields a run exports: .npy arrays numpy can load (header, shape, values equal to the CSV) and snapshots along z. */
class FieldExportCliTest {
    private static String design(String extra) {
        return "format: glassguide/1\nname: slab\nstructure:\n  waveguide:\n    background: { index: 1.44 }\n    shapes:\n"
                + "      - rectangle: { width: 1.0 um, height: 100 um, material: { index: 1.56 } }\n"
                + "wavelengths: [1.55 um]\nanalyses: [bpm]\npropagation:\n  length: 20 um\n  dz: 0.2 um\n  window: 10 um\n"
                + "  step: 0.05 um\n  pml: 1.5 um\n  monitor-every: 1 um\n  launch: { gaussian: { waist: 0.8 um } }\n" + extra;
    }

    @Test
    void endFieldAndSnapshotsAsNpyAndCsv(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("slab.yaml");
        Files.writeString(d, design("  export-fields: [5 um, 12.5 um]\n"));
        Path out = dir.resolve("o");
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode fields = new ObjectMapper().readTree(r.out()).get("fields");
        assertEquals(200, fields.get("nx").asInt());
        assertEquals(2, fields.get("snapshots").size());
        // 12.5 um is kept at the first monitor at or after it
        assertEquals(13e-6, fields.get("snapshots").get(1).get("zM").asDouble(), 1e-12);
        double[] npy = readComplexNpy(out.resolve("end-field.npy"), "(200,)");
        List<String> csv = Files.readAllLines(out.resolve("end-field.csv"));
        assertEquals(201, csv.size());
        for (int i = 0; i < 200; i++) {
            String[] c = csv.get(i + 1).split(",");
            assertEquals(Double.parseDouble(c[2]), npy[2 * i], 1e-9 * Math.abs(npy[2 * i]) + 1e-300);
            assertEquals(Double.parseDouble(c[3]), npy[2 * i + 1], 1e-9 * Math.abs(npy[2 * i + 1]) + 1e-300);
        }
        assertTrue(Files.exists(out.resolve(fields.get("snapshots").get(0).get("file").asText())));
        assertTrue(Files.exists(out.resolve("xz-slice.npy")));
        Files.writeString(d, design("  export-fields: [5 um, 25 um]\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o2").toString()), "export-fields", "25 um", "propagation length");
    }

    /**
     * Region monitors: a region covering the window reads the total power; two mirror halves of a centred beam in a
     * symmetric guide read the same and sum to the total (each is the power sum over its cells).
     */
    @Test
    void regionMonitorsPartitionThePower(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("slab.yaml");
        Files.writeString(d, design("  monitors:\n    - { name: all, rectangle: { width: 1 mm, height: 1 mm } }\n"
                + "    - { name: left, rectangle: { width: 50 um, height: 1 mm, center: [-25 um, 0 um] } }\n"
                + "    - { name: right, rectangle: { width: 50 um, height: 1 mm, center: [25 um, 0 um] } }\n"));
        Path out = dir.resolve("o");
        GlassGuideCliTest.Run r = run("bpm", d.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("monitors.csv"));
        assertEquals("wavelength_nm,z_um,power,region_power,all_power,left_power,right_power", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            double total = Double.parseDouble(c[2]);
            assertEquals(total, Double.parseDouble(c[4]), 1e-8 * total, row);
            assertEquals(total, Double.parseDouble(c[5]) + Double.parseDouble(c[6]), 1e-8 * total, row);
            assertEquals(Double.parseDouble(c[5]), Double.parseDouble(c[6]), 1e-6 * total, row);
        }
        JsonNode regions = new ObjectMapper().readTree(r.out()).get("regionMonitors");
        assertEquals("left", regions.get(1).get("name").asText());
        Files.writeString(d, design("  monitors:\n    - { name: a, circle: { radius: 1 um } }\n    - { name: a, circle: { radius: 2 um } }\n"));
        assertBadInput(run("bpm", d.toString(), "--out", dir.resolve("o2").toString()), "name", "a", "new name");
    }

    /** The .npy header (magic, version 1.0, a dict with the dtype and shape, 64-byte aligned) and its complex128 data. */
    static double[] readComplexNpy(Path file, String shape) throws IOException {
        byte[] b = Files.readAllBytes(file);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + len) % 64, "header aligned to 64 bytes");
        String header = new String(b, 10, len, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<c16'") && header.contains("'shape': " + shape) && header.endsWith("\n"), header);
        ByteBuffer buf = ByteBuffer.wrap(b, 10 + len, b.length - 10 - len).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[(b.length - 10 - len) / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getDouble();
        }
        return out;
    }
}
