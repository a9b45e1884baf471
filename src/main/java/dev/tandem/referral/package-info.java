/** Event intake, customers and referrals with their pipeline, attribution and its explanation, lead forms, deal registration and missing-referral claims. */
package dev.tandem.referral;
