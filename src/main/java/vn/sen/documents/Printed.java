package vn.sen.documents;

import java.time.LocalDate;

/** How numbers, notations and dates are printed on a document (Decree 30/2020, annex I). */
public final class Printed {

    private Printed() {}

    /** {@code Số: 05/QĐ-UBND}: numbers below 10 take a leading zero. */
    public static String numberLine(int number, String notation) {
        return "Số: " + number(number) + "/" + notation;
    }

    /** {@code 05}, {@code 125}. */
    public static String number(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    /** {@code 05}, {@code 24}: days below 10 take a leading zero. */
    public static String day(LocalDate date) {
        int day = date.getDayOfMonth();
        return day < 10 ? "0" + day : Integer.toString(day);
    }

    /** {@code 01}, {@code 02}, then {@code 3} … {@code 12}: January and February take a leading zero. */
    public static String month(LocalDate date) {
        int month = date.getMonthValue();
        return month <= 2 ? "0" + month : Integer.toString(month);
    }

    /**
     * {@code An Giang, ngày 05 tháng 3 năm 2026}: days below 10 and the months January and February take
     * a leading zero.
     */
    public static String dateLine(String place, LocalDate date) {
        return place + ", ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
    }

    /**
     * The notation (ký hiệu): type abbreviation and issuer abbreviation ({@code QĐ-UBND}); for a công văn,
     * which has no type abbreviation, the issuer and the drafting unit ({@code UBND-VP}).
     */
    public static String notation(DocumentType type, String issuerShortName, String draftingShortName) {
        if (type.abbreviation().isEmpty()) {
            return draftingShortName == null || draftingShortName.isBlank() || draftingShortName.equals(issuerShortName)
                    ? issuerShortName
                    : issuerShortName + "-" + draftingShortName;
        }
        return type.abbreviation() + "-" + issuerShortName;
    }
}
