package dev.zwidget.internal.html;

import java.io.IOException;

/** A fixed block for the splice tests, as the filter's injections hand it over. */
final class TestBlocks {

    private TestBlocks() {
    }

    static Injection of(String markup) {
        return new Injection() {
            @Override
            public void writeMarkup(boolean pageHasSnippet, BlockSink sink) throws IOException {
                sink.write(markup);
            }

            @Override
            public boolean carriesToken() {
                return false;
            }

            @Override
            public String label() {
                return "test";
            }
        };
    }
}
