package vn.sen.organization;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.shared.CsvImportCommand;
import vn.sen.shared.CsvTable.RowError;
import vn.sen.shared.UserScope;

/** {@code sen units import FILE.csv}. */
@Component
class UnitCommands extends CsvImportCommand<UnitImport.Result> {

    private final UnitImport unitImport;

    UnitCommands(UnitImport unitImport, MessageSource messages) {
        super(messages);
        this.unitImport = unitImport;
    }

    @Override
    public String name() {
        return "units import";
    }

    @Override
    public String usage() {
        return "FILE.csv — columns code,name,short_name,kind,parent_code,axis_code";
    }

    @Override
    protected UnitImport.Result importFrom(Reader reader, String source) throws IOException {
        return unitImport.run(UserScope.system(), reader, source);
    }

    @Override
    protected List<RowError> errors(UnitImport.Result result) {
        return result.errors();
    }

    @Override
    protected void reportSuccess(UnitImport.Result result, Path file, PrintWriter out) {
        out.printf("{\"imported\":%d,\"errors\":0}%n", result.imported());
    }
}
