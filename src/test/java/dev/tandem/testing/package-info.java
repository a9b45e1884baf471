/** Test support: the running application on the embedded PostgreSQL, and clients for its pages and API. */
package dev.tandem.testing;
