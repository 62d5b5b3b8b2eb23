<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sign in · zendesk-widget-filter demo</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/demo.css">
</head>
<body>
<%@ include file="/WEB-INF/jsp/header.jspf" %>
<main class="narrow">
  <h1>Sign in</h1>
  <c:if test="${not empty error}">
    <p class="error" role="alert"><c:out value="${error}"/></p>
  </c:if>
  <form method="post" action="${ctx}/login" class="login">
    <label>User name <input name="username" autocomplete="username" required
                            value="<c:out value='${param.username}'/>"></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <c:if test="${not empty param.next}"><input type="hidden" name="next" value="<c:out value='${param.next}'/>"></c:if>
    <button type="submit">Sign in</button>
  </form>
  <p class="hint">Demo accounts: <code>alice</code> (id 1001) and <code>bob</code> (id 1002), password <code>demo</code>.</p>
</main>
</body>
</html>
