/** The dashboards' SQL: counts and sums read straight from the tables, each by workspace and an indexed period. */
package dev.tandem.insight.internal;
