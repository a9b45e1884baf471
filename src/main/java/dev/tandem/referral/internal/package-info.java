/** The referral module's storage and attribution rules; reached from outside only through the module's public types. */
package dev.tandem.referral.internal;
