/** The workspace module's storage and rules; reached from outside only through the module's public types. */
package dev.tandem.workspace.internal;
