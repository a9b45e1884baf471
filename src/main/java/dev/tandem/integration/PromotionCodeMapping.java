package dev.tandem.integration;

import java.time.Instant;

/** A Stripe promotion code ({@code promo_…}) that stands for one of Tandem's coupon or referral codes. */
public record PromotionCodeMapping(String promotionCodeId, String code, Instant createdAt) {
}
