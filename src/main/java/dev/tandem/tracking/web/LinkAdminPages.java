package dev.tandem.tracking.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** What the staff pages for a program's links and codes share: its partners by name, and who can get new ones. */
@Component
class LinkAdminPages {

    private final PartnerDirectory directory;

    LinkAdminPages(PartnerDirectory directory) {
        this.directory = directory;
    }

    /** Every partner of the program by id (for names), and those approved (who may get links and coupons). */
    record Members(Map<PartnerId, Partner> all, List<Partner> approved) {

        public String name(PartnerId id) {
            Partner partner = all.get(id);
            return partner == null ? id.toString() : partner.name();
        }
    }

    Members members(WorkspaceId workspace, ProgramId program) {
        Map<PartnerId, Partner> all = new LinkedHashMap<>();
        List<Partner> approved = new ArrayList<>();
        UUID after = null;
        while (true) {
            Page<PartnerDirectory.Member> page = directory.members(workspace, program, null,
                    new PageRequest(PageRequest.MAX_LIMIT, after));
            for (PartnerDirectory.Member m : page.data()) {
                all.put(m.partner().id(), m.partner());
                if (m.enrollment().status() == EnrollmentStatus.APPROVED) {
                    approved.add(m.partner());
                }
            }
            if (!page.hasMore() || page.data().isEmpty()) {
                break;
            }
            after = page.data().get(page.data().size() - 1).partner().id().value();
        }
        approved.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new Members(all, approved);
    }
}
