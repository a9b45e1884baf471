/** Where Tandem's PostgreSQL comes from: an external server when configured, else an embedded one. */
package dev.tandem.core.database;
