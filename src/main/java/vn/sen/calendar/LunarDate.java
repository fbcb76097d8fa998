package vn.sen.calendar;

import java.time.LocalDate;

/**
 * Date in the Vietnamese lunar calendar (âm lịch), computed for the UTC+7 meridian.
 *
 * <p>Astronomical algorithm after Hồ Ngọc Đức (new moons and solar terms from Meeus' series), the one
 * Vietnamese calendars are printed from. It differs from the Chinese calendar in some years (e.g.
 * Tết 1985) because the meridian differs.
 */
public record LunarDate(int day, int month, int year, boolean leapMonth) {

    private static final double TIME_ZONE = 7.0;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double EPOCH = 2415021.076998695;

    /** The lunar date of a solar (Gregorian) date. */
    public static LunarDate of(LocalDate date) {
        long dayNumber = julianDay(date);
        long k = floor((dayNumber - EPOCH) / SYNODIC_MONTH);
        // The mean-motion estimate of k can be one lunation ahead near a new moon (e.g. 2054-05-07).
        long monthStart = newMoonDay(k + 1);
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k + 1);
        }
        int yy = date.getYear();
        long a11 = lunarMonth11(yy);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
    }

    /** The solar date of this lunar date. */
    public LocalDate toSolar() {
        long a11;
        long b11;
        if (month < 11) {
            a11 = lunarMonth11(year - 1);
            b11 = lunarMonth11(year);
        } else {
            a11 = lunarMonth11(year);
            b11 = lunarMonth11(year + 1);
        }
        int off = month - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonthNumber = leapOff - 2;
            if (leapMonthNumber < 0) {
                leapMonthNumber += 12;
            }
            if (leapMonth && month != leapMonthNumber) {
                throw new IllegalArgumentException("Lunar year " + year + " has no leap month " + month);
            }
            if (leapMonth || off >= leapOff) {
                off += 1;
            }
        } else if (leapMonth) {
            throw new IllegalArgumentException("Lunar year " + year + " has no leap month");
        }
        long k = floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + off);
        return fromJulianDay(monthStart + day - 1);
    }

    /** First day of lunar year {@code year} (mùng 1 Tết) as a solar date. */
    public static LocalDate newYear(int year) {
        return new LunarDate(1, 1, year, false).toSolar();
    }

    private static long julianDay(LocalDate date) {
        return date.toEpochDay() + 2440588L;
    }

    private static LocalDate fromJulianDay(long jd) {
        return LocalDate.ofEpochDay(jd - 2440588L);
    }

    private static long floor(double value) {
        return (long) Math.floor(value);
    }

    /** Julian day number (local) of the k-th new moon after 1900-01-01. */
    private static long newMoonDay(long k) {
        return floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** Sun's longitude in twelfths of the circle (0..11) at the start of a local day. */
    private static int sunLongitude(long dayNumber) {
        double t = (dayNumber - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
        return (int) floor(l / Math.PI * 6);
    }

    /** Julian day of the start of the lunar month containing the winter solstice of {@code year}. */
    private static long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        if (sunLongitude(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    private static int leapMonthOffset(long a11) {
        long k = floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitude(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitude(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
