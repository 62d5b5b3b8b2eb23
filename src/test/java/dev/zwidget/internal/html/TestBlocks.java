package dev.zwidget.internal.html;

/** A fixed block for the splice tests, as the filter's injections hand it over. */
final class TestBlocks {

    private TestBlocks() {
    }

    static Injection of(String markup) {
        return new Injection() {
            @Override
            public String markup(boolean pageHasSnippet) {
                return markup;
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
