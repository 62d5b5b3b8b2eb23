package dev.zwidget.internal.emulator;

/** Carries a reason out of the emulator's nested token checks; no stack trace, it is not an error. */
final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    TokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
