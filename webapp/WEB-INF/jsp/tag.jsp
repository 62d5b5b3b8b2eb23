<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="zw" uri="https://zwidget.dev/tags" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>JSP tag · zendesk-widget-filter demo</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/demo.css">
</head>
<body>
<%@ include file="/WEB-INF/jsp/header.jspf" %>
<div class="with-sidebar">
  <main>
    <h1>The widget placed by a JSP tag</h1>
    <p>
      This page puts the widget itself, in the sidebar, with the library's tag:
      <code>&lt;%@ taglib prefix="zw" uri="https://zwidget.dev/tags" %&gt;</code> and
      <code>&lt;zw:widget/&gt;</code>. The tag prints what the filter would have put before
      <code>&lt;/body&gt;</code>, with the same token, and the filter then adds nothing.
    </p>
    <p>Use it when a page must control where the scripts go, for example inside a layout's own footer.</p>
  </main>
  <aside id="help" class="sidebar">
    <h2>Need help?</h2>
    <p>Our team answers in the chat.</p>
    <zw:widget/>
  </aside>
</div>
</body>
</html>
