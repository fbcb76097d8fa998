package vn.sen.meetings;

import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.sen.meetings.Annotations.AnnotationView;
import vn.sen.meetings.Annotations.NewAnnotation;
import vn.sen.shared.ScopedPrincipal;

/**
 * What the document page's notes script calls (ghi chú cá nhân): a note is put under the id the device gave
 * it, so a tablet that kept notes offline sends them again safely. Errors as {@code {"code", "message"}}.
 */
@RestController
@RequestMapping("/meetings/{id}/documents/{document}/annotations")
class AnnotationController {

    record Shares(List<Long> officerIds) {}

    private final Annotations annotations;

    AnnotationController(Annotations annotations) {
        this.annotations = annotations;
    }

    @GetMapping
    List<AnnotationView> list(
            @PathVariable long id, @PathVariable long document, @AuthenticationPrincipal ScopedPrincipal me) {
        return annotations.list(me.scope(), id, document);
    }

    @PutMapping(path = "/{client}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> save(
            @PathVariable long id,
            @PathVariable long document,
            @PathVariable UUID client,
            @RequestBody NewAnnotation note,
            @AuthenticationPrincipal ScopedPrincipal me) {
        annotations.save(me.scope(), id, document, client, note);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{client}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @PathVariable long document,
            @PathVariable UUID client,
            @AuthenticationPrincipal ScopedPrincipal me) {
        annotations.delete(me.scope(), id, document, client);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{client}/shares", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> share(
            @PathVariable long id,
            @PathVariable long document,
            @PathVariable UUID client,
            @RequestBody Shares shares,
            @AuthenticationPrincipal ScopedPrincipal me) {
        annotations.share(me.scope(), id, document, client, shares.officerIds());
        return ResponseEntity.noContent().build();
    }
}
