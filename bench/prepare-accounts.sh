#!/usr/bin/env bash
# Gives N officer accounts of a benchmark database a known password with a cheap bcrypt hash (cost 4),
# so a login benchmark measures Sen's login path and not the password hash, which is Argon2id
# (about 0.1 s of CPU by design) for real accounts. Writes bench/gatling/src/test/resources/accounts.csv.
# ACCOUNT_FILTER (SQL on identity.account) narrows the choice, e.g. to officers who hold documents.
source "$(dirname "$0")/common.sh"
DATA="$1"; N="${2:-1000}"
PASSWORD="Bench-Sen-2026!x"
port=$(sed -n 4p "$DATA/pg/postmaster.pid")
crypto=$(find ~/.m2/repository/org/springframework/security/spring-security-crypto -name '*.jar' | sort | tail -1)
cat > "$WORK/Hash.java" <<JAVA
public class Hash { public static void main(String[] a) {
    System.out.print(org.springframework.security.crypto.bcrypt.BCrypt.hashpw(a[0], org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4)));
} }
JAVA
hash="{bcrypt}$("$JAVA" -cp "$crypto" "$WORK/Hash.java" "$PASSWORD")"
export PGPASSWORD=postgres
psql -q -h localhost -p "$port" -U postgres sen <<SQL
update identity.account set password_hash = '$hash', must_change_password = false, failed_attempts = 0, locked_until = null
where id in (select id from identity.account where officer_id is not null and account_class = 'USER'
             and ${ACCOUNT_FILTER:-true} order by id limit $N);
\copy (select username, '$PASSWORD' as password from identity.account where password_hash = '$hash' order by id) to '$BENCH/gatling/src/test/resources/accounts.csv' with csv header
SQL
echo "prepared $(($(wc -l < "$BENCH/gatling/src/test/resources/accounts.csv") - 1)) accounts"
