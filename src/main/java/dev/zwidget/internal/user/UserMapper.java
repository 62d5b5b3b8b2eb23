package dev.zwidget.internal.user;

import dev.zwidget.WidgetUser;
import dev.zwidget.internal.compat.Java8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.Principal;

/**
 * Turns the application's user object (a session attribute or the container's
 * {@link Principal}) into a {@link WidgetUser}, using configured property paths.
 * Immutable and thread-safe.
 */
public final class UserMapper {

    private static final PropertyPath DEFAULT_ID = PropertyPath.parse("id");
    // Doubles up to 2^53 hold every integer exactly, so such ids can be printed as integers.
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992d;

    private final PropertyPath externalIdPath;
    private final PropertyPath namePath;
    private final PropertyPath emailPath;
    private final PropertyPath emailVerifiedPath;
    private final boolean emailVerifiedConstant;

    /**
     * A mapper whose email is always, or never, considered verified.
     *
     * @param externalIdPath where the id is, or {@code null}: {@code id} on a session object,
     *     {@link Principal#getName()} on a principal
     * @param namePath where the display name is, or {@code null} for none
     * @param emailPath where the email address is, or {@code null} for none
     */
    public UserMapper(PropertyPath externalIdPath, PropertyPath namePath, PropertyPath emailPath,
            boolean emailVerified) {
        this(externalIdPath, namePath, emailPath, null, emailVerified);
    }

    /**
     * A mapper that reads whether the email is verified from the user object: a
     * {@link Boolean} or the text {@code true}/{@code false}; anything else, or a {@code null}
     * path, counts as not verified.
     */
    public UserMapper(PropertyPath externalIdPath, PropertyPath namePath, PropertyPath emailPath,
            PropertyPath emailVerifiedPath) {
        this(externalIdPath, namePath, emailPath, emailVerifiedPath, false);
    }

    private UserMapper(PropertyPath externalIdPath, PropertyPath namePath, PropertyPath emailPath,
            PropertyPath emailVerifiedPath, boolean emailVerifiedConstant) {
        this.externalIdPath = externalIdPath;
        this.namePath = namePath;
        this.emailPath = emailPath;
        this.emailVerifiedPath = emailVerifiedPath;
        this.emailVerifiedConstant = emailVerifiedConstant;
    }

    /**
     * The visitor described by {@code user}, or {@code null} when there is no user or its id is
     * null or blank (the visitor is then treated as not signed in).
     *
     * @throws IllegalArgumentException if a configured path does not fit the user's class
     */
    public WidgetUser map(Object user) {
        if (user == null) {
            return null;
        }
        String externalId;
        if (externalIdPath == null && user instanceof Principal) {
            externalId = ((Principal) user).getName();
        } else {
            externalId = idText(read(externalIdPath == null ? DEFAULT_ID : externalIdPath, user));
        }
        if (externalId == null || Java8.isBlank(externalId)) {
            return null;
        }
        WidgetUser mapped = WidgetUser.of(externalId);
        String name = text(read(namePath, user));
        if (name != null) {
            mapped = mapped.withName(name);
        }
        String email = text(read(emailPath, user));
        if (email != null) {
            mapped = mapped.withEmail(email, emailVerified(user));
        }
        return mapped;
    }

    private boolean emailVerified(Object user) {
        if (emailVerifiedPath == null) {
            return emailVerifiedConstant;
        }
        Object value = emailVerifiedPath.read(user);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        // Only an explicit yes counts: a verified email becomes the user's identity in Zendesk.
        return value instanceof CharSequence && "true".equalsIgnoreCase(value.toString());
    }

    private static Object read(PropertyPath path, Object user) {
        return path == null ? null : path.read(user);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text == null || Java8.isBlank(text) ? null : text;
    }

    /**
     * Zendesk rejects a numeric external_id and links every conversation to the exact string,
     * so a number must always print the same way, whatever type the application used for it:
     * never in exponent form, and an integral double (as JSON libraries produce) as an integer.
     */
    static String idText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return null;
            }
            if (number == Math.rint(number) && Math.abs(number) <= EXACT_INTEGER_LIMIT) {
                return Long.toString((long) number);
            }
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return text(value);
    }

    @Override
    public String toString() {
        return "UserMapper[externalId=" + (externalIdPath == null ? "(default)" : externalIdPath)
                + ", name=" + namePath + ", email=" + emailPath + ", emailVerified="
                + (emailVerifiedPath == null ? emailVerifiedConstant : emailVerifiedPath) + "]";
    }
}
