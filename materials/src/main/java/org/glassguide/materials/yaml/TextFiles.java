package org.glassguide.materials.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * Reads the text files users hand GlassGuide (designs, sweeps, materials, tables): a regular file, at most
 * {@link #MAX_BYTES}, in UTF-8. The size is checked before a byte is parsed (a huge file would take minutes), and
 * each refusal names the file and the fix.
 */
public final class TextFiles {
    /** Largest text input: far above any design or data table, far below what takes long to parse. */
    public static final long MAX_BYTES = 8L << 20;

    private TextFiles() {
    }

    /** The text of a file; {@code field} names what it is for the message ("design file", "table"). */
    public static String read(String field, Path file) {
        if (Files.isDirectory(file)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "it is a folder; name a file");
        }
        if (!Files.exists(file)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "it is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit: a file growing while it is read is caught too
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "permission denied");
        } catch (NoSuchFileException e) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "no such file");
        } catch (IOException e) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, String.valueOf(e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw new GlassGuideException(Messages.TOO_LARGE, field + " " + file, "over " + (MAX_BYTES >> 20) + " MiB",
                    "GlassGuide reads text inputs of up to " + (MAX_BYTES >> 20) + " MiB; keep large data in a table file of its own or thin it");
        }
        return decode(field, file, bytes);
    }

    static String decode(String field, Object file, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = d.decode(in).toString();
            // a byte-order mark is not part of the text
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (MalformedInputException e) {
            int at = in.position();
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, String.format(java.util.Locale.ROOT,
                    "it is not UTF-8 text (byte 0x%02X at offset %d); save it as UTF-8", bytes[Math.min(at, bytes.length - 1)] & 0xFF, at));
        } catch (CharacterCodingException e) {
            throw new GlassGuideException(Messages.FILE_NOT_READABLE, field, file, "it is not UTF-8 text; save it as UTF-8");
        }
    }
}
