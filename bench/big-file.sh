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
# speed with nothing else on the client (sha256sum alone takes 6 s of a core for 2 GB here), then the
# bytes again through sha256sum to check them
down=$(curl -sS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $secret" \
    "http://localhost:$PORT/api/v1/documents/incoming/$doc/files/$file_id")
curl -sS -H "Authorization: Bearer $secret" "http://localhost:$PORT/api/v1/documents/incoming/$doc/files/$file_id" \
    | sha256sum > "$WORK/download.sum"
down_sum=$(cut -d' ' -f1 "$WORK/download.sum")
# the same file as the request body (no multipart parsing)
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
raw_up=$(curl -sS -o "$WORK/upload-raw.json" -w '%{time_total}' -H "Authorization: Bearer $secret" \
    -H 'Content-Type: application/octet-stream' -T "$big" -X POST \
    "http://localhost:$PORT/api/v1/documents/attachments?name=raw.zip")
raw_sum=$(sed -E 's/.*"sha256":"([0-9a-f]{64})".*/\1/' "$WORK/upload-raw.json")
# the same file over tus (/api/v1/uploads): once in one PATCH, once cut after 3 s and resumed
tus_create() {
    curl -sS -o /dev/null -D - -X POST -H "Authorization: Bearer $secret" -H 'Tus-Resumable: 1.0.0' \
        -H "Upload-Length: $bytes" -H "Upload-Metadata: filename $(printf 'tus.zip' | base64)" \
        "http://localhost:$PORT/api/v1/uploads" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p'
}
tus_patch() { # LOCATION OFFSET [curl options]: sends the file from OFFSET, streamed
    local location=$1 offset=$2; shift 2
    tail -c +$((offset + 1)) "$big" | curl -sS -o /dev/null -D "$WORK/tus-headers.txt" -X PATCH -T - "$@" \
        -H "Authorization: Bearer $secret" -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" \
        -H 'Content-Type: application/offset+octet-stream' -H 'Transfer-Encoding:' -H "Content-Length: $((bytes - offset))" \
        "http://localhost:$PORT$location" || true
}
tus_sum() { # FILE ID → its SHA-256 as stored
    [ -n "$1" ] || return 0
    psql -qtA -h localhost -p "$port" -U postgres sen -c "select sha256 from files.file where id = '$1'"
}
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
location=$(tus_create)
tus_up=$( { /usr/bin/time -f %e bash -c "$(declare -f tus_patch); big='$big'; bytes=$bytes; secret='$secret'; PORT=$PORT; WORK='$WORK'; tus_patch '$location' 0"; } 2>&1 | tail -1)
tus_id=$(tr -d '\r' < "$WORK/tus-headers.txt" | sed -n 's/^[Ss]en-[Ff]ile-[Ii]d: //p')
tus_stored=$(tus_sum "$tus_id")

location=$(tus_create)
tus_patch "$location" 0 --max-time 3
tus_offset() {
    curl -sS -I -H "Authorization: Bearer $secret" -H 'Tus-Resumable: 1.0.0' "http://localhost:$PORT$location" \
        | tr -d '\r' | sed -n 's/^[Uu]pload-[Oo]ffset: //p'
}
cut_at=""; resumed_id=""
for _ in 1 2 3 4 5 6 7 8 9 10; do # as a client does: ask where it stands, send the rest, again if refused
    sleep 1
    offset=$(tus_offset); cut_at=${cut_at:-$offset}
    tus_patch "$location" "$offset"
    resumed_id=$(tr -d '\r' < "$WORK/tus-headers.txt" | sed -n 's/^[Ss]en-[Ff]ile-[Ii]d: //p')
    [ -n "$resumed_id" ] && break
done
resumed_stored=$(tus_sum "$resumed_id")

heap=$(jcmd $app GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ')
{
    echo "file: $bytes bytes; disk sequential write $write_speed, read $read_speed (dd, 8 MiB blocks)"
    echo "upload:   $up s = $(echo "scale=1; $bytes / 1048576 / $up" | bc) MiB/s; SHA-256 stored $( [ "$stored_sum" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "body:     $raw_up s = $(echo "scale=1; $bytes / 1048576 / $raw_up" | bc) MiB/s as application/octet-stream; SHA-256 stored $( [ "$raw_sum" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "tus:      $tus_up s = $(echo "scale=1; $bytes / 1048576 / $tus_up" | bc) MiB/s in one PATCH; SHA-256 stored $( [ "$tus_stored" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "tus cut:  connection cut after 3 s at byte $cut_at, resumed from there; SHA-256 stored $( [ "$resumed_stored" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "download: $down s = $(echo "scale=1; $bytes / 1048576 / $down" | bc) MiB/s; SHA-256 received $( [ "$down_sum" = "$sum" ] && echo matches || echo DIFFERS)"
    echo "server: -Xmx512m; $heap"
} | tee "$BENCH/results/big-file.txt"
