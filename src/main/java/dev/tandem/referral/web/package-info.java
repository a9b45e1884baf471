/** The event intake API, referral pages in admin and portal, hosted referral pages, deal registration and claims. */
package dev.tandem.referral.web;
