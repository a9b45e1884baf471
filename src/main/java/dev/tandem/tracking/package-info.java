/** Referral links, codes and coupons; the redirect with its signed click ids, the click writer and bot detection. */
package dev.tandem.tracking;
