package vn.sen.signing;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the address of the signing tool on the officer's computer into pages, for their signing buttons. */
@ControllerAdvice
class SigningWebAdvice {

    private final SigningProperties properties;

    SigningWebAdvice(SigningProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("localSigner")
    String localSigner() {
        return properties.localSignerUrl();
    }
}
