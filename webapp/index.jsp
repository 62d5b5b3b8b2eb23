<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>zendesk-widget-filter demo</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/demo.css">
</head>
<body>
<%@ include file="/WEB-INF/jsp/header.jspf" %>
<main>
  <h1>A legacy application with the Zendesk widget</h1>
  <p>
    This small application knows nothing about Zendesk. One servlet filter, declared in
    <code>WEB-INF/web.xml</code>, puts Zendesk's messaging widget on its HTML pages and signs the
    visitor in to it with a token minted on the server for each page.
  </p>
  <c:choose>
    <c:when test="${not empty sessionScope.user}">
      <p class="note">You are signed in as <strong><c:out value="${sessionScope.user.name}"/></strong>
        (id <c:out value="${sessionScope.user.id}"/>, <c:out value="${sessionScope.user.email}"/>):
        every page now carries a <code>loginUser</code> call with a token for external id
        <code><c:out value="${sessionScope.user.id}"/></code>.</p>
    </c:when>
    <c:otherwise>
      <p class="note">You are not signed in: pages carry the widget alone (anonymous visitors may chat).
        <a href="${ctx}/login">Sign in</a> as <code>alice</code> or <code>bob</code>, password
        <code>demo</code>. After you sign out, the next page tells the widget <code>logoutUser</code>.</p>
    </c:otherwise>
  </c:choose>

  <h2>Pages to try</h2>
  <table class="pages">
    <tr><th>Page</th><th>Made by</th><th>What the filter does</th></tr>
    <tr><td><a href="${ctx}/">Home</a></td><td>JSP (welcome file)</td><td>Widget before <code>&lt;/body&gt;</code></td></tr>
    <tr><td><a href="${ctx}/account">Account</a></td><td>Servlet forwarding to a JSP; signed in only</td><td>Widget before <code>&lt;/body&gt;</code>, signed in</td></tr>
    <tr><td><a href="${ctx}/thymeleaf">Thymeleaf</a></td><td>Thymeleaf template rendered by a servlet</td><td>Widget before <code>&lt;/body&gt;</code></td></tr>
    <tr><td><a href="${ctx}/static.html">Static HTML</a></td><td>The container's default servlet</td><td>Widget before <code>&lt;/body&gt;</code></td></tr>
    <tr><td><a href="${ctx}/tag">JSP tag</a></td><td>JSP with <code>&lt;zw:widget/&gt;</code> in its sidebar</td><td>Nothing more: the page placed the widget</td></tr>
    <tr><td><a href="${ctx}/dialect">Thymeleaf dialect</a></td><td>Template with <code>zw:widget</code> in its sidebar</td><td>Nothing more: the page placed the widget</td></tr>
    <tr><td><a href="${ctx}/large">Large page</a></td><td>Servlet writing about 4 MB in flushed chunks</td><td>Streams it; widget at the end</td></tr>
    <tr><td><a href="${ctx}/api/orders">Orders (JSON)</a></td><td>Servlet</td><td>Nothing: not a page</td></tr>
    <tr><td><a href="${ctx}/export.csv">Orders (CSV)</a></td><td>Servlet, a download</td><td>Nothing: a download</td></tr>
    <tr><td><a href="${ctx}/zendesk-widget/sso?return_to=https%3A%2F%2Fdemo.zendesk.com%2Fhc%2Fen-us">Help Center</a></td><td>The filter's SSO endpoint (the remote login URL)</td><td>Signs you in to the Help Center with a JWT posted by a form (offline: to the emulator's stand-in); asks you to sign in first if needed</td></tr>
  </table>

  <h2>Seeing what it did</h2>
  <p>
    View a page's source: the widget is the <code>&lt;script id=&quot;ze-snippet&quot;&gt;</code> near the end,
    followed by the script that signs you in. In the browser's network tab, every HTML response has an
    <code>X-Zendesk-Widget</code> header (<code>login</code>, <code>anonymous</code>, <code>logout</code>,
    or <code>none</code> and the reason), because the demo sets <code>debugHeader=true</code>.
  </p>
  <p>
    With no environment set, the demo runs offline (<code>emulator=true</code>) with a public demo key and
    secret. To talk to a real Zendesk account, start it with <code>ZENDESK_WIDGET_KEY</code>,
    <code>ZENDESK_KEY_ID</code>, <code>ZENDESK_SECRET</code> and <code>ZENDESK_EMULATOR=false</code>.
  </p>
</main>
</body>
</html>
