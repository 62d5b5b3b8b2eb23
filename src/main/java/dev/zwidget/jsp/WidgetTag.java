package dev.zwidget.jsp;

import dev.zwidget.internal.web.ViewMarkup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.TagSupport;
import java.io.IOException;

/**
 * {@code <zw:widget/>}: places the Zendesk widget at this point of a JSP page instead of
 * before {@code </body>}. It prints exactly what the filter would insert, with the token minted
 * for this request, and the filter then inserts nothing. It prints nothing when the filter does
 * not handle the request or the page is not eligible, and nothing the second time on a page.
 *
 * <pre>{@code
 * <%@ taglib prefix="zw" uri="https://zwidget.dev/tags" %>
 * <zw:widget/>
 * }</pre>
 */
public class WidgetTag extends TagSupport {

    private static final long serialVersionUID = 1L;

    @Override
    public int doStartTag() throws JspException {
        String markup = ViewMarkup.render((HttpServletRequest) pageContext.getRequest(),
                (HttpServletResponse) pageContext.getResponse());
        try {
            pageContext.getOut().write(markup);
        } catch (IOException e) {
            throw new JspException("could not write the Zendesk widget", e);
        }
        return SKIP_BODY;
    }
}
