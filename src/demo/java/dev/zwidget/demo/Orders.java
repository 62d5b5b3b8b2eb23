package dev.zwidget.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's data: a few fixed orders per user, and the two non-HTML formats the application
 * serves them in ({@code /api/orders} as JSON, {@code /export.csv} as a download). The filter
 * must pass both through byte for byte; the tests compare against these same methods.
 */
public final class Orders {

    /** One order. A JavaBean rather than a record: JSP's EL (5.0) reads getters only. */
    public static final class Order {
        private final String number;
        private final String date;
        private final String item;
        private final int quantity;
        private final long totalCents;
        private final String status;

        Order(String number, String date, String item, int quantity, long totalCents, String status) {
            this.number = number;
            this.date = date;
            this.item = item;
            this.quantity = quantity;
            this.totalCents = totalCents;
            this.status = status;
        }

        public String getNumber() {
            return number;
        }

        public String getDate() {
            return date;
        }

        public String getItem() {
            return item;
        }

        public int getQuantity() {
            return quantity;
        }

        /** The total as text with two decimals: the JSP, the JSON and the CSV all show it so. */
        public String getTotal() {
            return String.format("%d.%02d", totalCents / 100, totalCents % 100);
        }

        public String getStatus() {
            return status;
        }
    }

    // Non-ASCII item names on purpose: the byte-for-byte checks then cover multi-byte UTF-8 too.
    private static final Map<Long, List<Order>> BY_USER = Map.of(
            1001L, List.of(
                    new Order("A-1001-1", "2024-03-02", "Stovetop kettle, 1.5 l", 1, 3990, "delivered"),
                    new Order("A-1001-2", "2024-04-18", "Crème brûlée torch", 1, 2450, "shipped"),
                    new Order("A-1001-3", "2024-05-07", "Espresso cups \"Ø 6 cm\"", 4, 3160, "processing")),
            1002L, List.of(
                    new Order("B-1002-1", "2024-02-11", "Cast-iron pan", 1, 5400, "delivered")));

    private Orders() {
    }

    /** The orders of {@code user}, oldest first. */
    public static List<Order> of(User user) {
        return BY_USER.getOrDefault(user.getId(), List.of());
    }

    /** What {@code /api/orders} answers for {@code user}. */
    public static String json(User user) {
        StringBuilder out = new StringBuilder("{\"customer\":").append(jsonString(Long.toString(user.getId())))
                .append(",\"orders\":[");
        String separator = "";
        for (Order order : of(user)) {
            out.append(separator).append("{\"number\":").append(jsonString(order.getNumber()))
                    .append(",\"date\":").append(jsonString(order.getDate()))
                    .append(",\"item\":").append(jsonString(order.getItem()))
                    .append(",\"quantity\":").append(order.getQuantity())
                    .append(",\"total\":").append(jsonString(order.getTotal()))
                    .append(",\"status\":").append(jsonString(order.getStatus())).append('}');
            separator = ",";
        }
        return out.append("]}").toString();
    }

    /** What {@code /export.csv} answers for {@code user}: RFC 4180, CRLF line ends. */
    public static String csv(User user) {
        StringBuilder out = new StringBuilder("number,date,item,quantity,total,status\r\n");
        for (Order order : of(user)) {
            out.append(order.getNumber()).append(',').append(order.getDate()).append(',')
                    .append(csvField(order.getItem())).append(',').append(order.getQuantity()).append(',')
                    .append(order.getTotal()).append(',').append(order.getStatus()).append("\r\n");
        }
        return out.toString();
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
