package dev.tandem.tracking.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.ListRequest;
import dev.tandem.core.ListPage;
import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.CodeId;
import dev.tandem.tracking.Codes;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.web.FormErrors;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's referral codes and coupons for its managers: every code with its partner and status,
 * a form to map a coupon code to an approved partner, and switching a code off.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/codes")
class CodeAdminController {

    private final Codes codes;
    private final Programs programs;
    private final LinkAdminPages pages;

    CodeAdminController(Codes codes, Programs programs, LinkAdminPages pages) {
        this.codes = codes;
        this.programs = programs;
        this.pages = pages;
    }

    record CouponForm(String partnerId, String code, String description) {
    }

    /** One row of the table. */
    record Row(ReferralCode code, String partnerName) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        model.addAttribute("form", new CouponForm("", "", ""));
        return page(me, ProgramId.parse(programId), Codes.SORTS.read(sort, dir, pageNumber), model);
    }

    @PostMapping("/coupons")
    String addCoupon(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("form") CouponForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        try {
            codes.addCoupon(me.workspaceId(), me.asActor(), new Codes.NewCoupon(program,
                    TrackingIds.field(form.partnerId(), "partnerId", PartnerId.PREFIX, PartnerId::parse), form.code(),
                    form.description()));
            flash.addFlashAttribute("notice", "tracking.admin.couponAdded");
            return "redirect:/admin/programs/" + program + "/codes";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, program, Codes.SORTS.first(), model);
        } catch (ConflictException e) {
            errors.reject("tracking.admin.archived", e.getMessage());
            return page(me, program, Codes.SORTS.first(), model);
        }
    }

    @PostMapping("/{codeId}/disable")
    String disable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String codeId, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        ReferralCode code = codes.get(me.workspaceId(), CodeId.parse(codeId));
        if (!code.programId().equals(program)) {
            throw new NotFoundException("no code " + codeId + " in program " + program);
        }
        codes.disable(me.workspaceId(), me.asActor(), code.id());
        flash.addFlashAttribute("notice", "tracking.admin.codeDisabled");
        return "redirect:/admin/programs/" + program + "/codes";
    }

    private String page(StaffPrincipal me, ProgramId program, ListRequest request, Model model) {
        model.addAttribute("program", programs.get(me.workspaceId(), program));
        LinkAdminPages.Members members = pages.members(me.workspaceId(), program);
        ListPage<ReferralCode> page = codes.sorted(me.workspaceId(), program, request);
        List<Row> rows = page.rows().stream().map(c -> new Row(c, members.name(c.partnerId()))).toList();
        model.addAttribute("members", members);
        model.addAttribute("rows", rows);
        model.addAttribute("page", page);
        return "tracking/admin/codes";
    }
}
