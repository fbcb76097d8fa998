package vn.sen.interchange;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.shared.ScopedPrincipal;

/**
 * Where a released document is with each agency outside this installation (tình trạng gửi liên thông),
 * as a fragment the outgoing document's page loads: the transport state and the last status the agency
 * sent back. Shown to whoever may read the document.
 */
@Controller
class DeliveryController {

    private final Outbox outbox;
    private final OutgoingDocuments outgoing;

    DeliveryController(Outbox outbox, OutgoingDocuments outgoing) {
        this.outbox = outbox;
        this.outgoing = outgoing;
    }

    @GetMapping("/interchange/outgoing/{id}/deliveries")
    String deliveries(@PathVariable long id, @AuthenticationPrincipal ScopedPrincipal me, Model model) {
        if (outgoing.find(me.scope(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("deliveries", outbox.deliveries(id));
        return "interchange/deliveries :: deliveries";
    }
}
