package dev.zwidget.internal.config;

import java.util.Locale;

/**
 * Which Zendesk Web Widget the account has. The two never understand each other: the messaging
 * widget ignores {@code zESettings.webWidget}, and the Classic widget never reads
 * {@code loginUser}, so the mode must match the account.
 */
public enum WidgetMode {
    /** The messaging Web Widget: {@code zE('messenger','loginUser', …)}, a JWT with {@code kid}. */
    MESSENGER,
    /** The Classic Web Widget (Chat): {@code zESettings…chat.jwtFn}, a Chat JWT without {@code kid}. */
    CLASSIC;

    /** The init-param value: {@code messenger} or {@code classic}. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named by an init-param value, or {@code null} when it names none. */
    static WidgetMode fromParam(String value) {
        for (WidgetMode mode : values()) {
            if (mode.paramValue().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        return null;
    }
}
