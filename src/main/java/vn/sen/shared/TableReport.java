package vn.sen.shared;

import java.util.List;

/**
 * Printed table (bảng in): the layout of a register, a report or a list as the offices print it — a
 * heading block, a title, a few lines under it, then columns with relative widths. The rows come
 * separately, as a stream, so that a register of a whole year never sits in memory.
 *
 * @param heading the lines of the top-left heading block (agency above, unit below), may be empty
 * @param title the title, printed in capitals
 * @param subtitle lines under the title (year, register name, period)
 * @param columns the columns in order
 */
public record TableReport(List<String> heading, String title, List<String> subtitle, List<Column> columns) {

    public TableReport {
        heading = List.copyOf(heading);
        subtitle = List.copyOf(subtitle);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
    }

    /** A column: its heading and its share of the page width (any positive unit). */
    public record Column(String heading, float width) {

        public Column {
            if (!(width > 0)) {
                throw new IllegalArgumentException("column width must be positive");
            }
        }
    }
}
