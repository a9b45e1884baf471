/** The tracking module's storage, link cache and click writer; reached from outside only through the module's public types. */
package dev.tandem.tracking.internal;
