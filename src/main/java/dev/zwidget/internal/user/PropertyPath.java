package dev.zwidget.internal.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dotted path such as {@code profile.email} that reads a value out of an application's user
 * object: through {@link Map} keys, JavaBean getters, record-style accessors or public fields.
 * Immutable and thread-safe; the reflective lookups are done once per class and segment.
 */
public final class PropertyPath {

    private static final String SEGMENT = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final Pattern VALID = Pattern.compile(SEGMENT + "(?:\\." + SEGMENT + ")*");

    private final String path;
    private final List<Segment> segments;

    private PropertyPath(String path, List<Segment> segments) {
        this.path = path;
        this.segments = segments;
    }

    /**
     * Parses {@code id}, {@code profile.email}, ...: identifiers separated by dots.
     *
     * @throws IllegalArgumentException if the path is null, empty or not of that form
     */
    public static PropertyPath parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("the property path is empty");
        }
        if (!VALID.matcher(path).matches()) {
            throw new IllegalArgumentException("invalid property path '" + path
                    + "': expected names such as 'id' or 'profile.email' separated by dots");
        }
        List<Segment> segments = new ArrayList<>();
        for (String name : path.split("\\.")) {
            segments.add(new Segment(name));
        }
        return new PropertyPath(path, Collections.unmodifiableList(segments));
    }

    /**
     * Reads the value at this path, or {@code null} when the root or any value along the way is
     * {@code null} (or a map has no such key).
     *
     * @throws IllegalArgumentException if a segment names nothing on the class it is applied to
     * @throws IllegalStateException if an accessor of the application threw
     */
    public Object read(Object root) {
        Object current = root;
        for (Segment segment : segments) {
            if (current == null) {
                return null;
            }
            current = segment.readFrom(current, path);
        }
        return current;
    }

    @Override
    public String toString() {
        return path;
    }

    /** One name in the path, with its accessor cached per class it has been applied to. */
    private static final class Segment {

        private final String name;
        // ClassValue rather than a map keyed by Class: it does not pin the application's
        // classes, so a redeployed web application's class loader can still be collected.
        private final ClassValue<Accessor> accessors = new ClassValue<Accessor>() {
            @Override
            protected Accessor computeValue(Class<?> type) {
                return Accessor.find(type, name);
            }
        };

        Segment(String name) {
            this.name = name;
        }

        Object readFrom(Object target, String path) {
            if (target instanceof Map) {
                return ((Map<?, ?>) target).get(name);
            }
            return accessors.get(target.getClass()).read(target, path);
        }
    }
}
