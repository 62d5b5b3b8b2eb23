[description]
Puts zendesk-widget-filter and its dependencies (java-jwt, Jackson) on the server classpath,
for web applications that name dev.zwidget.ZendeskWidgetFilter in their web.xml but do not
ship the jar in WEB-INF/lib. Copy the jars into lib/zendesk-widget/ of this base
(mvn -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime
 -DoutputDirectory=jetty-base/lib/zendesk-widget, plus target/zendesk-widget-filter-*.jar).
The JSP tag's TLD is only found in WEB-INF/lib: applications that use <zw:widget/> ship the
jar there instead, as the demo war does. Enable with: java -jar $JETTY_HOME/start.jar --add-modules=zendesk-widget

[tags]
zendesk

[depends]
ee10-servlet

[lib]
lib/zendesk-widget/*.jar
