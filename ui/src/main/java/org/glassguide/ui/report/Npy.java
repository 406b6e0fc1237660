package org.glassguide.ui.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Arrays in NumPy's .npy format (version 1.0: magic, header dict, little-endian data in C order), which numpy.load,
 * MATLAB (readNPY) and Julia (NPZ.jl) read directly: complex128 fields and float64 maps.
 */
public final class Npy {
    private Npy() {
    }

    /** A complex128 array from interleaved re/im values; shape in C order (the last index the fastest). */
    public static void writeComplex(Path file, double[] interleaved, int... shape) throws IOException {
        write(file, "<c16", interleaved, interleaved.length / 2, shape);
    }

    /** A float64 array; shape in C order. */
    public static void writeReal(Path file, double[] values, int... shape) throws IOException {
        write(file, "<f8", values, values.length, shape);
    }

    private static void write(Path file, String descr, double[] data, long elements, int[] shape) throws IOException {
        long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (count != elements) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + elements + " elements");
        }
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        // magic (6) + version (2) + header length (2) + header, padded with spaces and a newline to a multiple of 64
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(new byte[] {(byte) (header.length() & 0xff), (byte) (header.length() >>> 8)});
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : data) {
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putDouble(v);
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
