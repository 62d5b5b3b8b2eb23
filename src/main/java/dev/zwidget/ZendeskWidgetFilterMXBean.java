package dev.zwidget;

import java.util.Map;

/**
 * What an operator reads over JMX about one {@link ZendeskWidgetFilter} instance, registered
 * as {@code dev.zwidget:type=ZendeskWidgetFilter,context=<context path>,name=<filter name>}
 * while the filter runs. Counts start at zero when the filter starts.
 */
public interface ZendeskWidgetFilterMXBean {

    /** Pages the block went into (before their {@code </body>}). */
    long getPagesSpliced();

    /** Pages where a JSP tag or Thymeleaf element placed the widget. */
    long getPagesPlacedByView();

    /** Pages planned a block, by what it does: {@code login}, {@code logout, login}, {@code logout}, {@code anonymous}. */
    Map<String, Long> getPagesByOutcome();

    /** Responses and requests left untouched, by reason (the words of the debug header). */
    Map<String, Long> getSkippedByReason();

    /** Tokens minted, for pages, views and the token endpoint. */
    long getTokensMinted();

    /** Token endpoint answers by HTTP status. */
    Map<String, Long> getTokenEndpointAnswers();

    /** Pages that signed the widget out ({@code logoutUser}). */
    long getLogoutsSent();

    /** Failures of the user resolver (each page served untouched). */
    long getResolverErrors();

    /** Failures to mint a token (each page served untouched). */
    long getMintErrors();

    /** Why minting is switched off until restart (a broken dependency), or empty while it works. */
    String getMintingDisabledBecause();

    /** The configuration, without the secret. */
    String getConfiguration();
}
