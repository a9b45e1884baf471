package dev.tandem.tracking.web;

import java.time.Duration;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import dev.tandem.tracking.internal.QrCodes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** QR codes of the partner's own links, as PNG and SVG; anybody else's link is unknown (404). */
@Controller
class LinkQrController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final Links links;

    LinkQrController(Links links) {
        this.links = links;
    }

    @GetMapping("/portal/links/{id}/qr.png")
    ResponseEntity<byte[]> png(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id) {
        Link link = links.own(me, LinkId.parse(id));
        return image(MediaType.IMAGE_PNG, link.slug() + ".png", QrCodes.png(links.url(link)));
    }

    @GetMapping("/portal/links/{id}/qr.svg")
    ResponseEntity<byte[]> svg(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id) {
        Link link = links.own(me, LinkId.parse(id));
        return image(SVG, link.slug() + ".svg",
                QrCodes.svg(links.url(link)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ExceptionHandler({NotFoundException.class, InvalidIdException.class})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }

    // slugs are [A-Za-z0-9_-], so the file name needs no quoting beyond the quotes
    private static ResponseEntity<byte[]> image(MediaType type, String filename, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"qr-" + filename + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(body);
    }
}
