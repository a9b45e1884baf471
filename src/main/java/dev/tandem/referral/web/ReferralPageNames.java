package dev.tandem.referral.web;

import java.util.HashMap;
import java.util.Map;

import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.TrackingLookup;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Names for the ids an explanation carries (partners, links, programs), each looked up once per
 * page. A partner or link that has gone since reads as its id rather than failing the page.
 */
@Component
class ReferralPageNames {

    private final Partners partners;
    private final Programs programs;
    private final TrackingLookup tracking;

    ReferralPageNames(Partners partners, Programs programs, TrackingLookup tracking) {
        this.partners = partners;
        this.programs = programs;
        this.tracking = tracking;
    }

    /** A lookup for one page of one workspace. */
    Lookup in(WorkspaceId workspace) {
        return new Lookup(workspace);
    }

    final class Lookup {

        private final WorkspaceId workspace;
        private final Map<PartnerId, String> partnerNames = new HashMap<>();
        private final Map<LinkId, String> slugs = new HashMap<>();
        private final Map<ProgramId, String> programNames = new HashMap<>();

        private Lookup(WorkspaceId workspace) {
            this.workspace = workspace;
        }

        String partner(PartnerId id) {
            if (id == null) {
                return null;
            }
            return partnerNames.computeIfAbsent(id, key -> {
                try {
                    return partners.get(workspace, key).name();
                } catch (NotFoundException gone) {
                    return key.toString();
                }
            });
        }

        /** The link's slug as partners share it ({@code /r/slug}). */
        String link(LinkId id) {
            if (id == null) {
                return null;
            }
            return slugs.computeIfAbsent(id, key -> tracking.link(workspace, key).map(l -> l.slug())
                    .orElse(key.toString()));
        }

        String program(ProgramId id) {
            if (id == null) {
                return null;
            }
            return programNames.computeIfAbsent(id, key -> {
                try {
                    return programs.get(workspace, key).name();
                } catch (NotFoundException gone) {
                    return key.toString();
                }
            });
        }
    }
}
