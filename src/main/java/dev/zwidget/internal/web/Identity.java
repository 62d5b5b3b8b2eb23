package dev.zwidget.internal.web;

import dev.zwidget.WidgetUser;

/**
 * Who the visitor of one request is and the token minted for them: the result of resolving the
 * user and minting once per request. {@link #failed()} means resolving or minting threw; the
 * page is then left untouched, because signing a visitor out of the widget on the strength of an
 * error would wipe a conversation that may be still going on.
 */
final class Identity {

    static final Identity ANONYMOUS = new Identity(null, null, false);
    static final Identity FAILED = new Identity(null, null, true);

    private final WidgetUser user;
    private final String token;
    private final boolean failed;

    private Identity(WidgetUser user, String token, boolean failed) {
        this.user = user;
        this.token = token;
        this.failed = failed;
    }

    static Identity signedIn(WidgetUser user, String token) {
        return new Identity(user, token, false);
    }

    /** The signed-in user, or {@code null}. */
    WidgetUser user() {
        return user;
    }

    /** The token minted for this request, or {@code null}. */
    String token() {
        return token;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public String toString() {
        return failed ? "Identity[failed]" : user == null ? "Identity[anonymous]" : "Identity[" + user + "]";
    }
}
