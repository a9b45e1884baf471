/** The program module's storage; reached from outside only through the module's public types. */
package dev.tandem.program.internal;
