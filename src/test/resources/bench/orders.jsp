<%@ page contentType="text/html;charset=UTF-8" session="false" %><!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Orders</title><link rel="stylesheet" href="/app.css"></head>
<body><main>
<% for (int row = 0; row < 460; row++) { %><tr class="order"><td><%= 10000 + row %></td><td>Café au lait, <%= row % 7 + 1 %> ×</td><td><a href="/orders/<%= row %>">details</a></td></tr>
<% } %></main></body></html>
