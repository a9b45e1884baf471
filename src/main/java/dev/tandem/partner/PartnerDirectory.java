package dev.tandem.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.internal.PartnerDirectoryRepository;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;

/** Finding partners: the workspace's partners with their programs, and a program's partners, page by page. */
@Service
public class PartnerDirectory {

    private final PartnerDirectoryRepository repository;
    private final Partners partners;
    private final Programs programs;

    PartnerDirectory(PartnerDirectoryRepository repository, Partners partners, Programs programs) {
        this.repository = repository;
        this.partners = partners;
        this.programs = programs;
    }

    /** A partner with every enrollment they have (in any program of the workspace). */
    public record Listed(Partner partner, List<Enrollment> enrollments) {
    }

    /** A partner and their enrollment in one program. */
    public record Member(Partner partner, Enrollment enrollment) {
    }

    /**
     * The workspace's partners, newest first; with a program and/or a status, only those with an
     * enrollment matching both. The cursor is the last partner id of the previous page.
     */
    public Page<Listed> list(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, PageRequest page) {
        if (program != null) {
            programs.get(workspace, program);
        }
        Page<Partner> found = Page.fromOverfetch(repository.partners(workspace, program, status, page.startingAfter(),
                page.fetchSize()), page);
        Map<PartnerId, List<Enrollment>> enrollments = repository.enrollmentsOf(workspace,
                        found.data().stream().map(p -> p.id().value()).toList()).stream()
                .collect(Collectors.groupingBy(Enrollment::partnerId));
        return found.map(p -> new Listed(p, enrollments.getOrDefault(p.id(), List.of())));
    }

    /**
     * The orders staff may sort the partner list by: newest first unless asked otherwise (by name,
     * email or company); the id breaks ties.
     */
    public static final ListSort SORTS = ListSort.of("p.id",
            ListSort.Key.descending("created", "p.created_at"),
            ListSort.Key.ascending("name", "lower(p.name)"),
            ListSort.Key.ascending("email", "lower(p.email)"),
            ListSort.Key.ascending("company", "lower(nullif(p.company, ''))").nullable());

    /**
     * One page of the workspace's partners with their enrollments, in the asked order ({@link #SORTS}),
     * optionally only those in the program and/or status and whose name, email or company contains
     * {@code search}; with how many there are.
     */
    public ListPage<Listed> sorted(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, String search,
            ListRequest request) {
        if (program != null) {
            programs.get(workspace, program);
        }
        long total = repository.countListed(workspace, program, status, search);
        return ListPage.fetch(request, total, page -> withEnrollments(workspace,
                repository.sorted(workspace, program, status, search, page)));
    }

    private List<Listed> withEnrollments(WorkspaceId workspace, List<Partner> found) {
        Map<PartnerId, List<Enrollment>> enrollments = repository.enrollmentsOf(workspace,
                        found.stream().map(p -> p.id().value()).toList()).stream()
                .collect(Collectors.groupingBy(Enrollment::partnerId));
        return found.stream().map(p -> new Listed(p, enrollments.getOrDefault(p.id(), List.of()))).toList();
    }

    /**
     * A program's partners with their enrollment in it, newest first, optionally of one status. The
     * cursor ({@code starting_after}) is the last partner id of the previous page.
     */
    public Page<Member> members(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, PageRequest page) {
        programs.get(workspace, program);
        UUID before = null;
        if (page.startingAfter() != null) {
            before = partners.enrollment(workspace, program, new PartnerId(page.startingAfter()))
                    .map(e -> e.id().value())
                    .orElseThrow(() -> new InvalidRequestParameterException("starting_after",
                            "is not a partner of this program"));
        }
        return Page.fromOverfetch(repository.members(workspace, program, status, before, page.fetchSize()), page);
    }

    /** How many of the program's enrollments are in this status (e.g. applications waiting for review). */
    public int count(WorkspaceId workspace, ProgramId program, EnrollmentStatus status) {
        return repository.count(workspace, program, status);
    }
}
