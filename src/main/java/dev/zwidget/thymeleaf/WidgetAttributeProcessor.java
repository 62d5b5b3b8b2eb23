package dev.zwidget.thymeleaf;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/** {@code <div zw:widget></div>}: the element's body becomes the widget markup (or stays empty). */
final class WidgetAttributeProcessor extends AbstractAttributeTagProcessor {

    static final String ATTRIBUTE_NAME = "widget";
    static final int PRECEDENCE = 1000;

    WidgetAttributeProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
            String attributeValue, IElementTagStructureHandler structureHandler) {
        structureHandler.setBody(WidgetMarkupLookup.markup(context), false);
    }
}
