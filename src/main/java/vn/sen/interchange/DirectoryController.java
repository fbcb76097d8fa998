package vn.sen.interchange;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Agencies of the directory as one types (tra cứu danh bạ liên thông), for the forms that name outside
 * recipients: a fragment of suggestions, each of which adds the line "name; code" to the form's list of
 * outside recipients ({@code target}: the id of that text area).
 */
@Controller
class DirectoryController {

    private static final int SUGGESTIONS = 10;

    private final AgencyDirectory directory;

    DirectoryController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/interchange/agencies")
    String suggestions(
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String target, Model model) {
        String text = q.strip();
        model.addAttribute("agencies", text.length() < 2 ? List.of() : directory.search(text, SUGGESTIONS));
        model.addAttribute("searched", text.length() >= 2);
        model.addAttribute("target", target.matches("[A-Za-z][A-Za-z0-9_-]{0,40}") ? "#" + target : "");
        return "interchange/agencies :: suggestions";
    }
}
