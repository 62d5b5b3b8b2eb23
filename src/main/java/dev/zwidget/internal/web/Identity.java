package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;

/**
 * Who the visitor of one request is: the result of resolving the user once per request. The
 * token is a separate step ({@link PageState#token()}), taken only for a response that carries
 * one. {@link #failed()} means resolving threw; the page is then left untouched, because signing
 * a visitor out of the widget on the strength of an error would wipe a conversation that may be
 * still going on.
 */
public final class Identity {

    static final Identity ANONYMOUS = new Identity(null, false);
    static final Identity FAILED = new Identity(null, true);

    private final WidgetUser user;
    private final boolean failed;

    private Identity(WidgetUser user, boolean failed) {
        this.user = user;
        this.failed = failed;
    }

    static Identity signedIn(WidgetUser user) {
        return new Identity(user, false);
    }

    /** The signed-in user, or {@code null}. */
    public WidgetUser user() {
        return user;
    }

    public boolean failed() {
        return failed;
    }

    @Override
    public String toString() {
        return failed ? "Identity[failed]" : user == null ? "Identity[anonymous]" : "Identity[" + user + "]";
    }
}
