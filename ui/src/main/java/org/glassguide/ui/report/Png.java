package org.glassguide.ui.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.glassguide.materials.errors.GlassGuideException;
import org.glassguide.materials.errors.Messages;

/**
 * Every PNG GlassGuide writes: tagged with a "Software: GlassGuide" text chunk, so that a lone picture (materials plot
 * --out FILE) is replaced only when it is one of GlassGuide's own, never a user's file, folder or device.
 */
public final class Png {
    static final String SOFTWARE = "GlassGuide";

    private Png() {
    }

    public static void write(BufferedImage img, Path file) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream os = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
            w.setOutput(ios);
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), w.getDefaultWriteParam());
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", "Software");
            entry.setAttribute("value", SOFTWARE);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(text);
            meta.mergeTree("javax_imageio_png_1.0", root);
            w.write(new IIOImage(img, null, meta));
        } finally {
            w.dispose();
        }
    }

    /** Whether a regular file is a PNG GlassGuide wrote (its tag within the first chunks). */
    static boolean writtenByGlassGuide(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            String s = new String(head, StandardCharsets.ISO_8859_1);
            return s.startsWith("\u0089PNG") && s.contains("tEXtSoftware\u0000" + SOFTWARE);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that a single output file may be written: missing (in an existing folder), or a regular PNG GlassGuide
     * wrote earlier. Folders, links, devices and anyone else's files are refused before any work.
     */
    public static Path checkReplaceable(String field, Path file) {
        if (file == null || file.toString().isBlank()) {
            throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, field, "", "name a file, e.g. " + field + " index.png");
        }
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, field, file, "its folder does not exist; create it first or name another file");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        if (Files.isSymbolicLink(abs)) {
            throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, field, file, "it is a symbolic link; name a new file");
        }
        if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, field, file,
                    (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) ? "it is a folder" : "it is not a regular file") + "; name a new file");
        }
        if (!writtenByGlassGuide(abs)) {
            throw new GlassGuideException(Messages.OUTPUT_FILE_REFUSED, field, file,
                    "it exists and is not a picture GlassGuide wrote; name a new file or move that one away");
        }
        return file;
    }
}
