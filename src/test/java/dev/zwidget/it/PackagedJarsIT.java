package dev.zwidget.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the build ships, opened from {@code target/}: the four flavours of the library jar (thin and
 * -all, jakarta and javax, all made from the same classes by relocation) and the two demo wars.
 * Class files are checked byte by byte: their version, and the names they refer to (a relocated
 * class keeps its references as UTF-8 strings in the constant pool, string constants included).
 */
class PackagedJarsIT {

    private static final String SHADED = "dev/zwidget/shaded/";
    private static final String SHADED_DOTTED = "dev.zwidget.shaded.";
    /** Jackson's own words in an error message (the type it names is relocated as well). */
    private static final String JACKSON_MESSAGE = "make serializer extend 'com.fasterxml.jackson.databind.ser.std.StdSerializer'";

    private static Path file(String property) {
        Path path = Paths.get(System.getProperty(property));
        assertTrue(Files.isRegularFile(path), property + " built at " + path);
        return path;
    }

    private static Map<String, byte[]> entries(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return entries(in);
        }
    }

    /** Every file entry of a zip, by name (read whole: these archives are a few megabytes). */
    private static Map<String, byte[]> entries(InputStream archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static Map<String, byte[]> nested(Map<String, byte[]> war, String name) throws IOException {
        byte[] jar = war.get(name);
        assertTrue(jar != null, name + " in " + war.keySet());
        return entries(new ByteArrayInputStream(jar));
    }

    private static Map<String, Map<String, byte[]>> fourJars() throws IOException {
        Map<String, Map<String, byte[]>> jars = new LinkedHashMap<>();
        for (String property : List.of("zwidget.jar", "zwidget.jar.javax", "zwidget.jar.all", "zwidget.jar.javax.all")) {
            jars.put(property, entries(file(property)));
        }
        return jars;
    }

    /** The class file's major version (52 = Java 8). */
    private static int major(byte[] classFile) {
        assertEquals(0xCAFEBABE, ((classFile[0] & 0xFF) << 24) | ((classFile[1] & 0xFF) << 16)
                | ((classFile[2] & 0xFF) << 8) | (classFile[3] & 0xFF));
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /** Constant-pool strings are modified UTF-8; the names searched for are ASCII, so Latin-1 finds them. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Where {@code name} occurs in {@code text} without the shaded prefix right before it. */
    private static boolean hasUnrelocated(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            String before = text.substring(Math.max(0, at - SHADED.length()), at);
            if (!before.equals(SHADED) && !before.equals(SHADED_DOTTED)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> classesReferring(Map<String, byte[]> jar, String... names) {
        List<String> found = new ArrayList<>();
        jar.forEach((entry, bytes) -> {
            if (entry.endsWith(".class")) {
                String text = text(bytes).replace(JACKSON_MESSAGE, "");
                for (String name : names) {
                    if (hasUnrelocated(text, name)) {
                        found.add(entry + " -> " + name);
                    }
                }
            }
        });
        return found;
    }

    @Test
    void everyClassInTheFourJarsIsJava8Bytecode() throws IOException {
        fourJars().forEach((jar, entries) -> {
            int classes = 0;
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().endsWith(".class")) {
                    classes++;
                    assertTrue(major(entry.getValue()) <= 52, jar + ": " + entry.getKey() + " is class file version "
                            + major(entry.getValue()));
                }
                assertFalse(entry.getKey().startsWith("META-INF/versions/"), jar + ": " + entry.getKey());
                assertFalse(entry.getKey().endsWith("module-info.class"), jar + ": " + entry.getKey());
            }
            assertTrue(classes > 50, jar + " has the library's classes");
        });
    }

    @Test
    void theJavaxJarsReferToNoJakartaServletNameAndShipTheTagLibrary() throws IOException {
        for (String property : List.of("zwidget.jar.javax", "zwidget.jar.javax.all")) {
            Map<String, byte[]> jar = entries(file(property));
            assertEquals(List.of(), classesReferring(jar, "jakarta/servlet", "jakarta.servlet"), property);
            assertTrue(classesReferring(jar, "javax/servlet/Filter").size() > 0, property + " refers to javax.servlet");
            String tld = new String(jar.get("META-INF/zendesk-widget.tld"), StandardCharsets.UTF_8);
            assertTrue(tld.contains("version=\"2.1\"") && tld.contains("dev.zwidget.jsp.WidgetTag"), tld);
        }
    }

    @Test
    void theJakartaJarsAreTheSameClassesForJakartaServlet() throws IOException {
        for (String property : List.of("zwidget.jar", "zwidget.jar.all")) {
            Map<String, byte[]> jar = entries(file(property));
            assertEquals(List.of(), classesReferring(jar, "javax/servlet", "javax.servlet"), property);
            assertTrue(jar.containsKey("META-INF/zendesk-widget.tld"), property);
        }
        assertEquals(entries(file("zwidget.jar")).keySet(), entries(file("zwidget.jar.javax")).keySet(),
                "same entries in both thin jars");
    }

    @Test
    void theThinJarsHoldOnlyTheLibrary() throws IOException {
        for (String property : List.of("zwidget.jar", "zwidget.jar.javax")) {
            for (String entry : entries(file(property)).keySet()) {
                if (entry.endsWith(".class")) {
                    assertTrue(entry.startsWith("dev/zwidget/") && !entry.startsWith(SHADED), property + ": " + entry);
                }
            }
        }
    }

    @Test
    void theAllJarsCarryJavaJwtAndJacksonRelocated() throws IOException {
        for (String property : List.of("zwidget.jar.all", "zwidget.jar.javax.all")) {
            Map<String, byte[]> jar = entries(file(property));
            assertTrue(jar.containsKey(SHADED + "com/auth0/jwt/JWT.class"), property);
            assertTrue(jar.containsKey(SHADED + "com/fasterxml/jackson/databind/json/JsonMapper.class"), property);
            assertTrue(jar.containsKey(SHADED + "com/fasterxml/jackson/core/JsonFactory.class"), property);
            assertTrue(jar.containsKey(SHADED + "com/fasterxml/jackson/annotation/JsonProperty.class"), property);
            for (String entry : jar.keySet()) {
                if (entry.endsWith(".class")) {
                    assertTrue(entry.startsWith("dev/zwidget/"), property + ": " + entry);
                }
            }
            assertEquals(List.of(), classesReferring(jar, "com/fasterxml/", "com.fasterxml.", "com/auth0/", "com.auth0."),
                    property);
            // The library itself now refers to the relocated java-jwt.
            assertTrue(text(jar.get("dev/zwidget/internal/token/TokenMinter.class")).contains(SHADED + "com/auth0/jwt/"));
            // Jackson's service files are renamed and their contents relocated.
            String codecs = new String(jar.get("META-INF/services/dev.zwidget.shaded.com.fasterxml.jackson.core.ObjectCodec"),
                    StandardCharsets.UTF_8);
            assertTrue(codecs.lines().map(String::trim)
                    .anyMatch("dev.zwidget.shaded.com.fasterxml.jackson.databind.ObjectMapper"::equals), codecs);
            assertTrue(jar.containsKey("META-INF/services/dev.zwidget.shaded.com.fasterxml.jackson.core.JsonFactory"), property);
            assertFalse(jar.keySet().stream().anyMatch(e -> e.startsWith("META-INF/services/com.")), property);
            assertTrue(text(jar.get("META-INF/LICENSE-jackson.txt")).contains("Apache License"), property);
            assertTrue(text(jar.get("META-INF/NOTICE-jackson-core.txt")).contains("Jackson"), property);
            assertFalse(jar.keySet().stream().anyMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")), property);
        }
    }

    @Test
    void theAllJarSignsTokensNextToAnOldJacksonOfTheApplication() throws Exception {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Paths.get(System.getProperty("zwidget.jackson29.dir")))) {
            for (Path jar : jars.sorted().collect(Collectors.toList())) {
                urls.add(jar.toUri().toURL());
            }
        }
        assertEquals(3, urls.size(), urls.toString());
        urls.add(file("zwidget.jar.all").toUri().toURL());
        try (URLClassLoader app = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            // The application's Jackson is 2.9: no JsonMapper, which java-jwt 4 needs (the thin jar would fail).
            app.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            assertThrows(ClassNotFoundException.class, () -> app.loadClass("com.fasterxml.jackson.databind.json.JsonMapper"));

            Class<?> algorithms = app.loadClass(SHADED_DOTTED + "com.auth0.jwt.algorithms.Algorithm");
            Object hs256 = algorithms.getMethod("HMAC256", String.class).invoke(null, JettyBaseIT.DEMO_SECRET);
            Object builder = app.loadClass(SHADED_DOTTED + "com.auth0.jwt.JWT").getMethod("create").invoke(null);
            builder = builder.getClass().getMethod("withKeyId", String.class).invoke(builder, JettyBaseIT.DEMO_KEY_ID);
            builder = builder.getClass().getMethod("withClaim", String.class, String.class)
                    .invoke(builder, "external_id", "1001");
            String token = (String) builder.getClass().getMethod("sign", algorithms).invoke(builder, hs256);

            DecodedJWT jwt = JWT.require(Algorithm.HMAC256(JettyBaseIT.DEMO_SECRET)).build().verify(token);
            assertEquals(JettyBaseIT.DEMO_KEY_ID, jwt.getKeyId());
            assertEquals("1001", jwt.getClaim("external_id").asString());
        }
    }

    @Test
    void thymeleafIsInNoJar() throws IOException {
        fourJars().forEach((jar, entries) -> assertFalse(
                entries.keySet().stream().anyMatch(e -> e.startsWith("org/thymeleaf/")), jar));
    }

    @Test
    void theJavaxWarRunsOnTheJavaxAllJarAndRefersToNoJakartaServletName() throws IOException {
        String allJar = "WEB-INF/lib/" + file("zwidget.jar.javax.all").getFileName();
        Map<String, byte[]> war = entries(file("zwidget.demo.javax.war"));
        assertTrue(war.containsKey(allJar), war.keySet().toString());
        List<String> libs = new ArrayList<>();
        for (String entry : war.keySet()) {
            if (entry.startsWith("WEB-INF/lib/")) {
                libs.add(entry.substring("WEB-INF/lib/".length()));
            }
        }
        assertEquals(1, libs.stream().filter(lib -> lib.startsWith("zendesk-widget-filter")).count(), libs.toString());
        assertFalse(libs.stream().anyMatch(lib -> lib.startsWith("java-jwt") || lib.startsWith("jackson")), libs.toString());
        assertTrue(libs.stream().anyMatch(lib -> lib.startsWith("thymeleaf-3.")), libs.toString());
        assertTrue(libs.stream().anyMatch(lib -> lib.startsWith("taglibs-standard-impl")), libs.toString());

        Map<String, byte[]> classes = new LinkedHashMap<>();
        war.forEach((entry, bytes) -> {
            if (entry.startsWith("WEB-INF/classes/")) {
                classes.put(entry, bytes);
            }
        });
        assertTrue(classes.containsKey("WEB-INF/classes/dev/zwidget/demo/AccountServlet.class"), classes.keySet().toString());
        assertEquals(List.of(), classesReferring(classes, "jakarta/servlet", "jakarta.servlet", "JakartaServlet"));
        assertTrue(text(classes.get("WEB-INF/classes/dev/zwidget/demo/ThymeleafServlet.class"))
                .contains("org/thymeleaf/web/servlet/JavaxServletWebApplication"));
        assertEquals(List.of(), classesReferring(nested(war, allJar), "jakarta/servlet", "jakarta.servlet"));
    }

    @Test
    void theJakartaWarRunsOnTheThinJarWithItsDependencies() throws IOException {
        Map<String, byte[]> war = entries(file("zwidget.demo.war"));
        assertTrue(war.containsKey("WEB-INF/lib/" + file("zwidget.jar").getFileName()), war.keySet().toString());
        assertTrue(war.keySet().stream().anyMatch(e -> e.startsWith("WEB-INF/lib/java-jwt-")), war.keySet().toString());
        assertTrue(war.keySet().stream().anyMatch(e -> e.startsWith("WEB-INF/lib/thymeleaf-3.")), war.keySet().toString());
        assertTrue(war.keySet().stream().anyMatch(e -> e.startsWith("WEB-INF/lib/jakarta.servlet.jsp.jstl-3.")),
                war.keySet().toString());
        assertFalse(war.keySet().stream().anyMatch(e -> e.contains("javax-all") || e.contains("taglibs-standard")),
                war.keySet().toString());
    }
}
