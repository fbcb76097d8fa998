package vn.sen.identity;

import java.time.Duration;
import java.time.Instant;

/** Account (tài khoản) as stored; decisions about it live here, storage in {@link AccountStore}. */
record Account(
        long id,
        String username,
        Long officerId,
        AccountClass accountClass,
        String passwordHash,
        boolean mustChangePassword,
        int failedAttempts,
        Instant lockedUntil,
        String disabledReason,
        String totpSecret,
        Long totpLastStep,
        Instant lastLoginAt,
        Instant createdAt) {

    static final String DISABLED_INACTIVE = "INACTIVE";
    static final String DISABLED_BY_ADMIN = "ADMIN";

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Unused for longer than {@code limit} since the last login (or creation): level 3 disables it. */
    boolean inactiveAt(Instant now, Duration limit) {
        Instant lastUse = lastLoginAt != null ? lastLoginAt : createdAt;
        return accountClass != AccountClass.SERVICE && lastUse.plus(limit).isBefore(now);
    }

    boolean hasTotp() {
        return totpSecret != null;
    }
}
