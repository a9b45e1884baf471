/** Keeping the promise of the event publication registry: facts whose listeners failed or were cut off are retried. */
package dev.tandem.core.events;
