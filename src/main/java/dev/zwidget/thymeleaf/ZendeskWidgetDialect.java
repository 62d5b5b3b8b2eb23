package dev.zwidget.thymeleaf;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * Thymeleaf 3.1 dialect that places the Zendesk widget in a template, as {@code <zw:widget/>} or
 * {@code <div zw:widget></div>}: the markup the filter would insert, with this request's token,
 * after which the filter inserts nothing. Register it once on the template engine:
 * {@code templateEngine.addDialect(new ZendeskWidgetDialect());}. Thymeleaf is an optional
 * dependency: this class is only loaded by applications that use it.
 */
public final class ZendeskWidgetDialect extends AbstractProcessorDialect {

    /** The dialect's prefix: {@code zw:}. */
    public static final String PREFIX = "zw";
    /** Runs with the standard dialect's processors. */
    public static final int PRECEDENCE = StandardDialect.PROCESSOR_PRECEDENCE;

    public ZendeskWidgetDialect() {
        super("Zendesk Widget", PREFIX, PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return new HashSet<>(Arrays.asList(new WidgetElementProcessor(dialectPrefix), new WidgetAttributeProcessor(dialectPrefix)));
    }
}
