package vn.sen.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

@SpringBootTest
class UnitImportTest {

    @Autowired
    UnitImport unitImport;

    @Autowired
    Organization organization;

    private UnitImport.Result run(String csv) throws Exception {
        return unitImport.run(UserScope.system(), new StringReader(csv), "test");
    }

    @Test
    void units_are_created_parents_first_whatever_the_order_of_the_rows() throws Exception {
        var result = run("""
                code,name,short_name,kind,parent_code,axis_code
                IMP.3,Tổ Ba,T3,DIVISION,IMP.2,
                IMP.2,Phòng Hai,P2,DIVISION,IMP.1,
                IMP.1,Sở Một,S1,department,,H99.01
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        var leaf = organization.unitByCode("IMP.3").orElseThrow();
        assertThat(organization.ancestry(leaf.id()))
                .extracting(Views.UnitView::name)
                .containsExactly("Sở Một", "Phòng Hai", "Tổ Ba");
        assertThat(organization.unitByCode("IMP.1").orElseThrow().axisCode()).isEqualTo("H99.01");
    }

    @Test
    void cycles_unknown_parents_duplicates_and_bad_kinds_are_reported_by_line_and_nothing_is_created()
            throws Exception {
        var result = run("""
                code,name,short_name,kind,parent_code
                CYC.A,A,A,DIVISION,CYC.B
                CYC.B,B,B,DIVISION,CYC.A
                ORPHAN,Mồ côi,MC,DIVISION,NO-SUCH-PARENT
                ORPHAN,Lặp,L,DIVISION,
                BAD,Sai loại,SL,KINGDOM,
                OK.1,Được,D,DEPARTMENT,
                """);
        assertThat(result.imported()).isZero();
        assertThat(result.errors())
                .extracting(e -> e.line() + " " + e.code())
                .containsExactly(
                        "2 organization.error.cycle",
                        "4 organization.error.parent-code",
                        "5 import.error.code-repeated",
                        "6 import.error.kind");
        assertThat(organization.unitByCode("OK.1")).isEmpty();
        assertThat(organization.unitByCode("CYC.A")).isEmpty();
    }

    @Test
    void a_malformed_file_or_missing_columns_get_one_clear_message() {
        assertThatThrownBy(() -> run("code,name\nX,Y\n"))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("import.error.columns");
        assertThatThrownBy(() -> run("code,name,short_name,kind,parent_code\n\"unterminated,x,y,DIVISION,\n"))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("import.error.malformed");
    }
}
