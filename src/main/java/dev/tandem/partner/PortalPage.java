package dev.tandem.partner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages sit in the partner portal's layout, whatever module it belongs to:
 * the partner module then gives those pages what the layout shows (the partner, the business's
 * name, agreements waiting for acceptance), sends a partner whose enrollments all ended to the
 * portal's home, and answers unknown or foreign ids with the portal's 404 page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PortalPage {
}
