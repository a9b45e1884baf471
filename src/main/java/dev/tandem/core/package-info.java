/**
 * Shared value types every module builds on: money, percentages, typed and prefixed ids, paging, time and API errors.
 */
package dev.tandem.core;
