/**
 * Working-day calendar (lịch ngày làm việc): Vietnamese public holidays, solar and lunar (Tết Nguyên
 * đán, Giỗ Tổ Hùng Vương), computed for any year 2000–2100, the administrator's yearly adjustments
 * (extra days off, make-up working Saturdays) and deadline arithmetic in working days.
 *
 * <p>Other modules ask {@link vn.sen.calendar.WorkingDays}; this module depends on none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.sen.calendar;
