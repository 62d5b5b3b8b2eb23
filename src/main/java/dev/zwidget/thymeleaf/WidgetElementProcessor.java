package dev.zwidget.thymeleaf;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/** {@code <zw:widget/>}: the element is replaced by the widget markup (or by nothing). */
final class WidgetElementProcessor extends AbstractElementTagProcessor {

    static final String ELEMENT_NAME = "widget";
    static final int PRECEDENCE = 1000;

    WidgetElementProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, ELEMENT_NAME, true, null, false, PRECEDENCE);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
            IElementTagStructureHandler structureHandler) {
        structureHandler.replaceWith(WidgetMarkupLookup.markup(context), false);
    }
}
