<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Your account · zendesk-widget-filter demo</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/demo.css">
</head>
<body>
<%@ include file="/WEB-INF/jsp/header.jspf" %>
<main>
  <h1>Your account</h1>
  <dl class="profile">
    <dt>Name</dt><dd><c:out value="${sessionScope.user.name}"/></dd>
    <dt>Email</dt><dd><c:out value="${sessionScope.user.email}"/></dd>
    <dt>Customer id</dt><dd><c:out value="${sessionScope.user.id}"/> (the token's <code>external_id</code>)</dd>
  </dl>
  <h2>Your orders</h2>
  <table class="orders">
    <tr><th>Order</th><th>Date</th><th>Item</th><th>Qty</th><th>Total</th><th>Status</th></tr>
    <c:forEach var="order" items="${orders}">
      <tr>
        <td><c:out value="${order.number}"/></td><td><c:out value="${order.date}"/></td>
        <td><c:out value="${order.item}"/></td><td><c:out value="${order.quantity}"/></td>
        <td><c:out value="${order.total}"/></td><td><c:out value="${order.status}"/></td>
      </tr>
    </c:forEach>
  </table>
  <p>The same orders as <a href="${ctx}/api/orders">JSON</a> or as a <a href="${ctx}/export.csv">CSV download</a>:
    neither gets the widget. Ask the chat about an order: the agent sees it is really you.</p>
</main>
</body>
</html>
