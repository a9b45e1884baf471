package dev.tandem.referral.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.partner.PartnerId;
import dev.tandem.referral.Attribution;
import dev.tandem.tracking.LinkId;

/**
 * An event's attribution explanation as a page shows it: the model, the reason in words, who got
 * the credit and each touchpoint weighed, with names instead of ids. For a partner's eyes
 * ({@link #forPartner}) other partners are only ever "another partner": their ids, links and
 * names never reach the page, not even inside the service's words.
 */
public record ReferralPageExplanation(String model, String reason, PartnerId partnerId, String partnerName,
        boolean otherPartner, String link, List<Touch> touches) {

    /** One touchpoint: {@code partnerName} null and {@code otherPartner} true means someone the viewer may not see. */
    public record Touch(String kind, PartnerId partnerId, String partnerName, boolean otherPartner, String link,
            Instant at, String outcome, String why) {
    }

    /** The whole explanation, for staff. */
    static ReferralPageExplanation forStaff(Attribution attribution, ReferralPageNames.Lookup names) {
        if (attribution == null) {
            return null;
        }
        List<Touch> touches = attribution.touchpoints().stream()
                .map(t -> new Touch(t.kind(), t.partnerId(), names.partner(t.partnerId()), false,
                        names.link(t.linkId()), t.at(), t.outcome(), t.why()))
                .toList();
        return new ReferralPageExplanation(attribution.model(), attribution.reason(), attribution.partnerId(),
                names.partner(attribution.partnerId()), false, names.link(attribution.linkId()), touches);
    }

    /** The explanation trimmed for one partner: their own touches in full, others' anonymous. */
    static ReferralPageExplanation forPartner(Attribution full, PartnerId viewer, ReferralPageNames.Lookup names,
            Scrubber scrubber) {
        if (full == null) {
            return null;
        }
        Attribution trimmed = full.forPartner(viewer);
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < trimmed.touchpoints().size(); i++) {
            Attribution.Touch t = trimmed.touchpoints().get(i);
            boolean mine = viewer.equals(t.partnerId());
            // the untrimmed list says whether someone else stood behind a touch, never who
            boolean other = !mine && i < full.touchpoints().size() && full.touchpoints().get(i).partnerId() != null;
            touches.add(new Touch(t.kind(), mine ? viewer : null, mine ? names.partner(viewer) : null, other,
                    mine ? names.link(t.linkId()) : null, t.at(), t.outcome(), scrubber.scrub(t.why())));
        }
        boolean theirs = viewer.equals(trimmed.partnerId());
        return new ReferralPageExplanation(trimmed.model(), scrubber.scrub(trimmed.reason()),
                theirs ? viewer : null, theirs ? names.partner(viewer) : null, !theirs && full.partnerId() != null,
                theirs ? names.link(trimmed.linkId()) : null, touches);
    }

    /**
     * Takes other partners out of the service's words, which are written for staff and may name
     * whoever else touched the customer: their ids, link ids, names and link slugs become "…".
     */
    static final class Scrubber {

        private static final Pattern IDS = Pattern.compile("\\b(ptr|lnk)_[A-Za-z0-9]+");

        private final Set<String> ownIds = new LinkedHashSet<>();
        private final Set<String> otherNames = new LinkedHashSet<>();
        private final Set<String> otherSlugs = new LinkedHashSet<>();

        /** @param attributions every explanation on the page, to learn who else is involved */
        Scrubber(PartnerId viewer, Collection<Attribution> attributions, ReferralPageNames.Lookup names) {
            ownIds.add(viewer.toString());
            String ownName = names.partner(viewer);
            for (Attribution a : attributions) {
                if (a == null) {
                    continue;
                }
                other(a.partnerId(), a.linkId(), viewer, ownName, names);
                for (Attribution.Touch t : a.touchpoints()) {
                    other(t.partnerId(), t.linkId(), viewer, ownName, names);
                }
            }
        }

        private void other(PartnerId partner, LinkId link, PartnerId viewer, String ownName,
                ReferralPageNames.Lookup names) {
            if (partner == null) {
                return;
            }
            if (viewer.equals(partner)) {
                if (link != null) {
                    ownIds.add(link.toString());
                }
                return;
            }
            String name = names.partner(partner);
            if (name != null && name.length() > 1 && !name.equals(ownName)) {
                otherNames.add(name);
            }
            String slug = names.link(link);
            if (slug != null && !slug.isBlank()) {
                otherSlugs.add(slug);
            }
        }

        String scrub(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            Matcher ids = IDS.matcher(text);
            StringBuilder out = new StringBuilder();
            while (ids.find()) {
                ids.appendReplacement(out, Matcher.quoteReplacement(ownIds.contains(ids.group()) ? ids.group() : "…"));
            }
            ids.appendTail(out);
            String scrubbed = out.toString();
            for (String name : otherNames) {
                scrubbed = scrubbed.replace(name, "…");
            }
            for (String slug : otherSlugs) {
                scrubbed = scrubbed.replaceAll("(?<![A-Za-z0-9_-])" + Pattern.quote(slug) + "(?![A-Za-z0-9_-])", "…");
            }
            return scrubbed;
        }
    }
}
