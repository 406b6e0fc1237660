package org.glassguide.solver.designfile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A decoded PNG (ISO/IEC 15948), read without the desktop toolkit so that the solver module needs no
 * AWT: every colour type and bit depth of non-interlaced images. Each pixel becomes one value: the grey
 * level (top 8 bits) for grey images, the palette index for indexed ones, 0xRRGGBB for colour ones
 * (alpha is ignored: an index map is opaque by meaning).
 */
final class PngImage {
    /** How pixel values are to be read. */
    enum Kind { GREY, INDEXED, RGB }

    final int width;
    final int height;
    final Kind kind;
    /** values[row][col], row 0 at the top. */
    final int[][] values;

    private PngImage(int width, int height, Kind kind, int[][] values) {
        this.width = width;
        this.height = height;
        this.kind = kind;
        this.values = values;
    }

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    /** Decodes; malformed or unsupported files throw IOException with a one-line reason. */
    static PngImage read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] sig = new byte[8];
        in.readFully(sig);
        if (!java.util.Arrays.equals(sig, SIGNATURE)) {
            throw new IOException("not a PNG file (bad signature)");
        }
        int width = -1;
        int height = -1;
        int depth = 0;
        int colour = -1;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (true) {
            int len = in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            if (len < 0 || len > (1 << 30)) {
                throw new IOException("corrupt PNG chunk length " + len);
            }
            byte[] data = new byte[len];
            in.readFully(data);
            in.readInt(); // CRC: a damaged file fails at inflation or in its size instead
            String t = new String(type, StandardCharsets.US_ASCII);
            if (t.equals("IHDR")) {
                DataInputStream h = new DataInputStream(new java.io.ByteArrayInputStream(data));
                width = h.readInt();
                height = h.readInt();
                depth = h.readUnsignedByte();
                colour = h.readUnsignedByte();
                int compression = h.readUnsignedByte();
                int filter = h.readUnsignedByte();
                int interlace = h.readUnsignedByte();
                if (compression != 0 || filter != 0) {
                    throw new IOException("unknown PNG compression or filter method");
                }
                if (interlace != 0) {
                    throw new IOException("interlaced (Adam7) PNG: save the image without interlacing");
                }
                if (width <= 0 || height <= 0 || (long) width * height > 100_000_000L) {
                    throw new IOException("PNG size " + width + " x " + height + " is out of range (1 to 1e8 pixels)");
                }
            } else if (t.equals("IDAT")) {
                idat.write(data);
            } else if (t.equals("IEND")) {
                break;
            }
        }
        if (width < 0) {
            throw new IOException("PNG without a header (IHDR)");
        }
        int channels;
        switch (colour) {
            case 0: channels = 1; break;
            case 2: channels = 3; break;
            case 3: channels = 1; break;
            case 4: channels = 2; break;
            case 6: channels = 4; break;
            default: throw new IOException("unknown PNG colour type " + colour);
        }
        if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) {
            throw new IOException("unknown PNG bit depth " + depth);
        }
        int bitsPerPixel = channels * depth;
        int stride = (int) (((long) width * bitsPerPixel + 7) / 8);
        int bpp = Math.max(1, bitsPerPixel / 8); // filter byte distance
        byte[] raw2 = inflate(idat.toByteArray(), (long) (stride + 1) * height);
        int[][] values = new int[height][width];
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        for (int r = 0; r < height; r++) {
            int at = r * (stride + 1);
            int filter = raw2[at] & 0xff;
            System.arraycopy(raw2, at + 1, cur, 0, stride);
            unfilter(filter, cur, prev, bpp);
            for (int c = 0; c < width; c++) {
                values[r][c] = pixel(cur, c, depth, colour, channels);
            }
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
        Kind kind = colour == 3 ? Kind.INDEXED : (colour == 2 || colour == 6) ? Kind.RGB : Kind.GREY;
        return new PngImage(width, height, kind, values);
    }

    private static byte[] inflate(byte[] data, long expected) throws IOException {
        if (expected > Integer.MAX_VALUE - 16) {
            throw new IOException("PNG too large");
        }
        Inflater inf = new Inflater();
        inf.setInput(data);
        byte[] out = new byte[(int) expected];
        int n = 0;
        try {
            while (n < out.length && !inf.finished()) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt PNG image data: " + e.getMessage());
        } finally {
            inf.end();
        }
        if (n != out.length) {
            throw new IOException("truncated PNG image data (" + n + " of " + out.length + " bytes)");
        }
        return out;
    }

    private static void unfilter(int filter, byte[] cur, byte[] prev, int bpp) throws IOException {
        for (int i = 0; i < cur.length; i++) {
            int a = i >= bpp ? cur[i - bpp] & 0xff : 0;
            int b = prev[i] & 0xff;
            int c = i >= bpp ? prev[i - bpp] & 0xff : 0;
            int x = cur[i] & 0xff;
            int v;
            switch (filter) {
                case 0: v = x; break;
                case 1: v = x + a; break;
                case 2: v = x + b; break;
                case 3: v = x + ((a + b) >>> 1); break;
                case 4: v = x + paeth(a, b, c); break;
                default: throw new IOException("unknown PNG row filter " + filter);
            }
            cur[i] = (byte) v;
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int sample(byte[] row, int index, int depth) {
        if (depth == 8) {
            return row[index] & 0xff;
        }
        if (depth == 16) {
            return row[2 * index] & 0xff; // top 8 bits
        }
        int perByte = 8 / depth;
        int b = row[index / perByte] & 0xff;
        int shift = 8 - depth * (index % perByte + 1);
        return (b >>> shift) & ((1 << depth) - 1);
    }

    private static int pixel(byte[] row, int c, int depth, int colour, int channels) {
        if (colour == 2 || colour == 6) {
            int r = sample(row, c * channels, depth);
            int g = sample(row, c * channels + 1, depth);
            int b = sample(row, c * channels + 2, depth);
            return (r << 16) | (g << 8) | b;
        }
        int v = sample(row, c * channels, depth);
        if (colour != 3 && depth < 8) {
            v = v * 255 / ((1 << depth) - 1); // grey levels scaled to 0-255
        }
        return v;
    }
}
