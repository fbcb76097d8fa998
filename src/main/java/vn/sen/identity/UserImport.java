package vn.sen.identity;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.identity.Accounts.NewAccount;
import vn.sen.identity.Accounts.NewAccountResult;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Views.PositionView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.CsvTable;
import vn.sen.shared.CsvTable.RowError;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/**
 * Bulk import of officers and their accounts from CSV (nhập cán bộ, tài khoản hàng loạt). Every row is
 * checked first; one bad row means nothing is imported and every problem is reported by line.
 *
 * <p>Columns: {@code username, full_name, email, phone, unit_code, position, roles, account_class};
 * {@code roles} is a {@code ;}-separated list granted in the row's unit.
 */
@Service
class UserImport {

    static final Set<String> COLUMNS = Set.of("username", "full_name", "unit_code", "position");

    private final Organization organization;
    private final Accounts accounts;
    private final AccountStore store;

    UserImport(Organization organization, Accounts accounts, AccountStore store) {
        this.organization = organization;
        this.accounts = accounts;
        this.store = store;
    }

    /** The outcome: the new accounts with their temporary passwords, or the problems (and nothing imported). */
    record Result(List<NewAccountResult> imported, List<RowError> errors) {}

    @Transactional
    Result run(UserScope actor, Reader csv, String source) throws IOException {
        CsvTable table = CsvTable.read(csv, COLUMNS);
        Set<String> positions =
                organization.positions().stream().map(PositionView::code).collect(Collectors.toSet());
        var errors = new ArrayList<RowError>();
        var officers = new ArrayList<NewOfficer>();
        var roles = new ArrayList<List<Role>>();
        var classes = new ArrayList<AccountClass>();
        var usernames = new ArrayList<String>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String username = Accounts.normalise(row.get("username"));
            if (!username.matches("[a-z0-9._@-]{3,100}")) {
                errors.add(new RowError(row.line(), "import.error.username", row.get("username")));
            } else if (!seen.add(username)) {
                errors.add(new RowError(row.line(), "import.error.username-repeated", username));
            } else if (store.byUsername(username).isPresent()) {
                errors.add(new RowError(row.line(), "account.error.duplicate-username", username));
            }
            String fullName = row.get("full_name");
            if (fullName.isEmpty() || fullName.length() > 100) {
                errors.add(new RowError(row.line(), "import.error.full-name"));
            }
            UnitView unit = organization
                    .unitByCode(row.get("unit_code"))
                    .filter(UnitView::active)
                    .orElse(null);
            if (unit == null) {
                errors.add(new RowError(row.line(), "organization.error.unit-code", row.get("unit_code")));
            } else if (!Organization.canManage(actor, unit.path())) {
                errors.add(new RowError(row.line(), "import.error.unit-not-yours", row.get("unit_code")));
            }
            String position = row.get("position").toUpperCase(Locale.ROOT);
            if (!positions.contains(position)) {
                errors.add(new RowError(row.line(), "organization.error.position-not-found", row.get("position")));
            }
            List<Role> rowRoles = new ArrayList<>();
            for (String name : row.get("roles").split("[;|]")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    Role role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
                    if (!role.unitScoped()) {
                        errors.add(new RowError(row.line(), "import.error.installation-role", name.strip()));
                    }
                    rowRoles.add(role);
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(row.line(), "import.error.role", name.strip()));
                }
            }
            AccountClass accountClass = AccountClass.USER;
            if (!row.get("account_class").isEmpty()) {
                try {
                    accountClass = AccountClass.valueOf(row.get("account_class").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(row.line(), "import.error.account-class", row.get("account_class")));
                }
            }
            if (errors.size() == before) {
                officers.add(new NewOfficer(fullName, row.get("email"), row.get("phone"), unit.id(), position));
                roles.add(rowRoles);
                classes.add(accountClass);
                usernames.add(username);
            }
        }
        if (table.rows().isEmpty()) {
            errors.add(new RowError(1, "import.error.empty"));
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), List.copyOf(errors));
        }
        List<Long> officerIds = organization.importOfficers(actor, officers, source);
        var newAccounts = new ArrayList<NewAccount>();
        for (int i = 0; i < officers.size(); i++) {
            long unitId = officers.get(i).unitId();
            newAccounts.add(new NewAccount(
                    usernames.get(i),
                    officerIds.get(i),
                    classes.get(i),
                    null,
                    true,
                    roles.get(i).stream()
                            .map(r -> new UserScope.Grant(r, unitId, null))
                            .toList()));
        }
        return new Result(accounts.importAccounts(actor, newAccounts, source), List.of());
    }
}
