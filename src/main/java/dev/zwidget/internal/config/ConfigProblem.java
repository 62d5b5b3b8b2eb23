package dev.zwidget.internal.config;

/**
 * One thing wrong with one init-param, worded for the person editing web.xml. The message
 * names the param and, where it helps, the environment variable, property, file or class
 * involved, but never the param's value: the value may be the secret.
 *
 * <p>Checked on purpose: the parser must catch each problem and keep going, so that one
 * start-up attempt reports everything that is wrong rather than one thing per redeploy.
 */
public final class ConfigProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem described by a complete, value-free message. */
    public ConfigProblem(String message) {
        // No cause, and no stack trace wanted either: the message alone goes into the report,
        // and an underlying exception's own message might quote file content.
        super(message, null, false, false);
    }
}
