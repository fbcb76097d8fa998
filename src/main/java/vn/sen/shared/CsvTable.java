package vn.sen.shared;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read for a bulk import: rows keep their line numbers so every problem
 * can be reported against the line the user sees in their spreadsheet.
 */
public record CsvTable(List<Row> rows) {

    /** One data row: {@code line} is 1-based and counts the header. */
    public record Row(long line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /** A problem with one row of an import. */
    public record RowError(long line, String code, Object... args) {}

    /** Reads the table; refuses a file whose header lacks one of {@code required}. */
    public static CsvTable read(Reader reader, Set<String> required) throws IOException {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            var header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                    .toList();
            var missing =
                    required.stream().filter(r -> !header.contains(r)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new RuleViolation("import.error.columns", String.join(", ", missing));
            }
            var rows = new ArrayList<Row>();
            for (CSVRecord record : parser) {
                var values = new java.util.HashMap<String, String>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new Row(parser.getCurrentLineNumber(), values));
            }
            return new CsvTable(List.copyOf(rows));
        } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation("import.error.malformed", e.getMessage());
        }
    }
}
