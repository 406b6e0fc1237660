package org.glassguide.materials.errors;

import java.util.Arrays;

/**
 * A user-correctable problem with input or a numerical failure that stops a run. Carries its
 * message key so tests can assert it, and an optional location ("file:line:column").
 */
public class GlassGuideException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Messages key;
    private final transient Object[] args;
    private final String location;

    public GlassGuideException(Messages key, Object... args) {
        this(null, key, args);
    }

    public GlassGuideException(String location, Messages key, Object... args) {
        super(key.format(args));
        this.key = key;
        this.args = args.clone();
        this.location = location;
    }

    public Messages key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public String location() {
        return location;
    }

    /** The same problem, now tied to a place in a file. Keeps the first location set. */
    public GlassGuideException at(String where) {
        if (location != null || where == null) {
            return this;
        }
        return new GlassGuideException(where, key, args);
    }

    @Override
    public String getMessage() {
        return location == null ? super.getMessage() : Messages.quote(location) + ": " + super.getMessage();
    }

    @Override
    public String toString() {
        return "GlassGuideException[" + key + "] " + getMessage() + " " + Arrays.toString(args);
    }
}
