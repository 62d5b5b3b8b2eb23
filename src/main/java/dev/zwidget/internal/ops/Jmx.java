package dev.zwidget.internal.ops;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers a filter's MBean with the platform MBean server, which every container and
 * monitoring agent reads. Two applications with the filter in one container get names of their
 * own (their context paths differ; a clash still gets an instance number). JMX trouble is
 * logged and never stops the filter.
 */
public final class Jmx {

    private static final Logger LOGGER = Logger.getLogger("dev.zwidget.ZendeskWidgetFilter");

    private Jmx() {
    }

    /** Registers {@code bean}; returns its name, or {@code null} when it could not be registered. */
    public static ObjectName register(Object bean, String contextPath, String filterName) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String base = "dev.zwidget:type=ZendeskWidgetFilter,context="
                + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath) + ",name=" + ObjectName.quote(filterName);
        try {
            for (int instance = 1; ; instance++) {
                ObjectName name = new ObjectName(instance == 1 ? base : base + ",instance=" + instance);
                try {
                    server.registerMBean(bean, name);
                    return name;
                } catch (InstanceAlreadyExistsException taken) {
                    if (instance >= 100) {
                        throw taken;
                    }
                }
            }
        } catch (JMException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "ZendeskWidgetFilter '" + filterName + "': no MBean (" + e + ")");
            return null;
        }
    }

    public static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            LOGGER.log(Level.FINE, "could not unregister " + name, e);
        }
    }
}
