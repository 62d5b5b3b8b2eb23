package dev.zwidget.it;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The filter's log records while open, at {@code level} and above, for tests to read. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");
    private final Level previous = logger.getLevel();
    private final Level level;
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture(Level level) {
        this.level = level;
        if (level.intValue() < Level.INFO.intValue()) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= level.intValue()) {
            records.add(record);
        }
    }

    /** The records captured so far, at exactly {@code wanted}. */
    synchronized List<LogRecord> at(Level wanted) {
        return records.stream().filter(r -> r.getLevel().equals(wanted)).collect(Collectors.toList());
    }

    /** Their messages. */
    synchronized List<String> messages(Level wanted) {
        return at(wanted).stream().map(LogRecord::getMessage).collect(Collectors.toList());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
