/** The commission module's storage and rule evaluation; reached from outside only through the module's public types. */
package dev.tandem.commission.internal;
