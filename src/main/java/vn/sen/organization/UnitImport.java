package vn.sen.organization;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.shared.CsvTable;
import vn.sen.shared.CsvTable.RowError;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * Bulk import of units from CSV (nhập đơn vị hàng loạt): {@code code, name, short_name, kind,
 * parent_code, axis_code}. A parent may come later in the file; all rows are checked first and one bad
 * row (unknown parent, duplicate code, a cycle) means nothing is imported.
 */
@Service
public class UnitImport {

    static final Set<String> COLUMNS = Set.of("code", "name", "short_name", "kind", "parent_code");

    private final Organization organization;

    UnitImport(Organization organization) {
        this.organization = organization;
    }

    /** The outcome: how many units were created, or the problems by line (and nothing created). */
    public record Result(int imported, List<RowError> errors) {}

    @Transactional
    public Result run(UserScope actor, Reader csv, String source) throws IOException {
        CsvTable table = CsvTable.read(csv, COLUMNS);
        var errors = new ArrayList<RowError>();
        Map<String, CsvTable.Row> byCode = new LinkedHashMap<>();
        Map<String, NewUnit> units = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("code");
            int before = errors.size();
            if (!code.matches("[A-Za-z0-9.\\-_]{1,32}")) {
                errors.add(new RowError(row.line(), "organization.error.code-format", code));
            } else if (byCode.containsKey(code)) {
                errors.add(new RowError(row.line(), "import.error.code-repeated", code));
            } else if (organization.unitByCode(code).isPresent()) {
                errors.add(new RowError(row.line(), "organization.error.duplicate-code", code));
            }
            if (row.get("name").isEmpty() || row.get("name").length() > 200) {
                errors.add(new RowError(row.line(), "import.error.unit-name"));
            }
            if (row.get("short_name").isEmpty() || row.get("short_name").length() > 30) {
                errors.add(new RowError(row.line(), "import.error.short-name"));
            }
            UnitKind kind = null;
            try {
                kind = UnitKind.valueOf(row.get("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row.line(), "import.error.kind", row.get("kind")));
            }
            if (errors.size() == before) {
                byCode.put(code, row);
                String axis = row.get("axis_code");
                units.put(
                        code,
                        new NewUnit(
                                null,
                                row.get("parent_code"),
                                kind,
                                row.get("name"),
                                row.get("short_name"),
                                code,
                                axis.isEmpty() ? null : axis,
                                0));
            }
        }
        List<NewUnit> ordered = parentsFirst(actor, byCode, units, errors);
        if (table.rows().isEmpty()) {
            errors.add(new RowError(1, "import.error.empty"));
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Long.compare(a.line(), b.line()));
            return new Result(0, List.copyOf(errors));
        }
        organization.importUnits(actor, ordered, source);
        return new Result(ordered.size(), List.of());
    }

    /** Orders rows so each parent precedes its children; reports unknown parents, foreign subtrees and cycles. */
    private List<NewUnit> parentsFirst(
            UserScope actor, Map<String, CsvTable.Row> rows, Map<String, NewUnit> units, List<RowError> errors) {
        var ordered = new ArrayList<NewUnit>();
        Set<String> placed = new HashSet<>();
        for (String code : rows.keySet()) {
            var chain = new ArrayList<String>();
            String current = code;
            boolean ok = true;
            while (current != null && !placed.contains(current)) {
                if (chain.contains(current)) {
                    errors.add(new RowError(rows.get(code).line(), "organization.error.cycle"));
                    ok = false;
                    break;
                }
                chain.add(current);
                String parent = units.get(current).parentCode();
                if (parent == null || parent.isEmpty()) {
                    if (!actor.has(Role.SYSTEM_ADMIN)) {
                        errors.add(new RowError(rows.get(current).line(), "import.error.top-level"));
                        ok = false;
                    }
                    break;
                }
                if (units.containsKey(parent)) {
                    current = parent;
                    continue;
                }
                var existing = organization.unitByCode(parent).filter(Views.UnitView::active);
                if (existing.isEmpty()) {
                    errors.add(new RowError(rows.get(current).line(), "organization.error.parent-code", parent));
                    ok = false;
                } else if (!Organization.canManage(actor, existing.get().path())) {
                    errors.add(new RowError(rows.get(current).line(), "import.error.unit-not-yours", parent));
                    ok = false;
                }
                break;
            }
            if (!ok) {
                chain.forEach(placed::add);
                continue;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (placed.add(chain.get(i))) {
                    ordered.add(units.get(chain.get(i)));
                }
            }
        }
        return ordered;
    }
}
