#!/usr/bin/env bash
# A 2 GB attachment through the API with the server's heap capped at 512 MB: upload (multipart) and
# download speed against the disk's own sequential write and read speed measured in the same run (dd),
# and the SHA-256 checked both ways.
source "$(dirname "$0")/common.sh"
ensure_jar
SIZE_MB="${1:-2047}"  # plus a 4-byte header: just under the 2 GiB limit
dir="$WORK/big"; rm -rf "$dir"; mkdir -p "$dir"
"$JAVA" -jar "$JAR" demo-data $(sen_options "$dir") >/dev/null
PORT=18083
"$JAVA" -Xmx512m -XX:+UseSerialGC -jar "$JAR" $(sen_options "$dir") --server.port=$PORT \
    --sen.files.dir="$dir/files" >"$WORK/big-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null && wait $app 2>/dev/null || true' EXIT
wait_ready $PORT 60
port=$(sed -n 4p "$dir/pg/postmaster.pid")
export PGPASSWORD=postgres
secret="sen_bench$(head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 31)"
hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
psql -q -h localhost -p "$port" -U postgres sen -c "insert into identity.api_token (account_id, name, prefix, token_hash, expires_at)
    select id, 'bench', 'sen_bench', '$hash', now() + interval '1 day' from identity.account where username = 'vanthu'"

# the disk's sequential speeds, same size, same volume
dd if=/dev/zero of="$dir/dd.bin" bs=8M count=$((SIZE_MB / 8)) conv=fsync 2>"$WORK/dd-write.txt"
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
dd if="$dir/dd.bin" of=/dev/null bs=8M 2>"$WORK/dd-read.txt"
rm -f "$dir/dd.bin"
write_speed=$(grep -oE '[0-9.,]+ [GM]B/s' "$WORK/dd-write.txt" | tail -1)
read_speed=$(grep -oE '[0-9.,]+ [GM]B/s' "$WORK/dd-read.txt" | tail -1)

# a ZIP-looking file of SIZE_MB (Sen checks that a .zip starts like one; no text is extracted from it)
big="$dir/big.zip"
{ printf 'PK\003\004'; head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom; } > "$big"
sum=$(sha256sum "$big" | cut -d' ' -f1)
bytes=$(stat -c %s "$big")
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true

up=$( { /usr/bin/time -f %e curl -sS -o "$WORK/upload.json" -H "Authorization: Bearer $secret" \
        -F "file=@$big;type=application/zip" "http://localhost:$PORT/api/v1/documents/attachments"; } 2>&1 | tail -1)
file_id=$(sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/' "$WORK/upload.json")
stored_sum=$(sed -E 's/.*"sha256":"([0-9a-f]{64})".*/\1/' "$WORK/upload.json")
office=$(psql -qtA -h localhost -p "$port" -U postgres sen -c "select id from organization.unit where id = (select unit_id from organization.unit_code where code = '000.00.01.H01' limit 1)")
doc=$(curl -sS -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
    -d "{\"unitId\":$office,\"issuerName\":\"Bộ Tài chính\",\"codeNumber\":\"$RANDOM\",\"codeNotation\":\"BTC\",\"type\":\"REPORT\",\"issuedOn\":\"$(date -d yesterday +%F)\",\"subject\":\"Tệp lớn\",\"urgency\":\"NORMAL\",\"confidentiality\":\"NORMAL\",\"fileIds\":[\"$file_id\"],\"confirmDuplicate\":true}" \
    "http://localhost:$PORT/api/v1/documents/incoming" | sed -E 's/^\{"id":([0-9]+).*/\1/')
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
down=$( { /usr/bin/time -f %e sh -c "curl -sS -H 'Authorization: Bearer $secret' \
        http://localhost:$PORT/api/v1/documents/incoming/$doc/files/$file_id | sha256sum > $WORK/download.sum"; } 2>&1 | tail -1)
down_sum=$(cut -d' ' -f1 "$WORK/download.sum")
heap=$(jcmd $app GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ')
{
    echo "file: $bytes bytes; disk sequential write $write_speed, read $read_speed (dd, 8 MiB blocks)"
    echo "upload:   $up s = $(echo "scale=1; $bytes / 1048576 / $up" | bc) MiB/s; SHA-256 stored $( [ "$stored_sum" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "download: $down s = $(echo "scale=1; $bytes / 1048576 / $down" | bc) MiB/s; SHA-256 received $( [ "$down_sum" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "server: -Xmx512m; $heap"
} | tee "$BENCH/results/big-file.txt"
