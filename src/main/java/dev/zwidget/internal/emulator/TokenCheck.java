package dev.zwidget.internal.emulator;

/** One kind of Zendesk token checked by the emulator as Zendesk would check it. Thread-safe. */
public interface TokenCheck {

    /** Accepts or rejects {@code token} (compact form); never throws for a bad token. */
    EmulatorVerdict check(String token);
}
