package vn.sen.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/** Passkeys (khóa truy cập): WebAuthn credentials for Spring Security, and the account page's view of them. */
@Repository
class PasskeyStore implements UserCredentialRepository {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    PasskeyStore(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("delete from identity.passkey where credential_id = :id")
                .param("id", credentialId.getBytes())
                .update();
    }

    @Override
    public void save(CredentialRecord record) {
        boolean registration = findByCredentialId(record.getCredentialId()) == null;
        jdbc.sql("""
                insert into identity.passkey (credential_id, user_handle, public_key, signature_count, uv_initialized,
                    backup_eligible, backup_state, transports, attestation_object, attestation_client_data_json,
                    label, created_at, last_used_at)
                values (:id, :handle, :key, :count, :uv, :eligible, :state, :transports, :attestation, :clientData,
                    :label, :created, :lastUsed)
                on conflict (credential_id) do update set signature_count = excluded.signature_count,
                    uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
                    last_used_at = excluded.last_used_at, label = excluded.label
                """)
                .param("id", record.getCredentialId().getBytes())
                .param("handle", record.getUserEntityUserId().getBytes())
                .param("key", record.getPublicKey().getBytes())
                .param("count", record.getSignatureCount())
                .param("uv", record.isUvInitialized())
                .param("eligible", record.isBackupEligible())
                .param("state", record.isBackupState())
                .param(
                        "transports",
                        record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .collect(Collectors.joining(",")))
                .param(
                        "attestation",
                        record.getAttestationObject() == null
                                ? null
                                : record.getAttestationObject().getBytes())
                .param(
                        "clientData",
                        record.getAttestationClientDataJSON() == null
                                ? null
                                : record.getAttestationClientDataJSON().getBytes())
                .param("label", record.getLabel() == null ? "" : truncate(record.getLabel()))
                .param("created", timestamp(record.getCreated()))
                .param("lastUsed", timestamp(record.getLastUsed()))
                .update();
        if (registration) {
            String username = jdbc.sql("""
                    select a.username from identity.passkey_user u join identity.account a on a.id = u.account_id
                    where u.user_handle = :handle
                    """)
                    .param("handle", record.getUserEntityUserId().getBytes())
                    .query(String.class)
                    .optional()
                    .orElse("-");
            events.publishEvent(SecurityEventOccurred.success(
                    username, "identity.passkey.registered", "account:" + username, record.getLabel()));
        }
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql("select * from identity.passkey where credential_id = :id")
                .param("id", credentialId.getBytes())
                .query(PasskeyStore::credential)
                .optional()
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql("select * from identity.passkey where user_handle = :handle order by created_at")
                .param("handle", userId.getBytes())
                .query(PasskeyStore::credential)
                .list();
    }

    // ---- for Sen's own screens ---------------------------------------------------------------------

    /** A passkey as the account page lists it. */
    record PasskeyView(String id, String label, Instant created, Instant lastUsed) {}

    List<PasskeyView> passkeysOf(long accountId) {
        return jdbc.sql("""
                select k.credential_id, k.label, k.created_at, k.last_used_at from identity.passkey k
                join identity.passkey_user u on u.user_handle = k.user_handle
                where u.account_id = :account order by k.created_at
                """)
                .param("account", accountId)
                .query((rs, n) -> new PasskeyView(
                        new Bytes(rs.getBytes("credential_id")).toBase64UrlString(),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    int count(long accountId) {
        return jdbc.sql("""
                select count(*) from identity.passkey k join identity.passkey_user u on u.user_handle = k.user_handle
                where u.account_id = :account
                """).param("account", accountId).query(Integer.class).single();
    }

    boolean remove(long accountId, String credentialId) {
        return jdbc.sql("""
                delete from identity.passkey k using identity.passkey_user u
                where u.user_handle = k.user_handle and u.account_id = :account and k.credential_id = :id
                """)
                        .param("account", accountId)
                        .param("id", Bytes.fromBase64(credentialId).getBytes())
                        .update()
                == 1;
    }

    private static CredentialRecord credential(ResultSet rs, int row) throws SQLException {
        String transports = rs.getString("transports");
        byte[] attestation = rs.getBytes("attestation_object");
        byte[] clientData = rs.getBytes("attestation_client_data_json");
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(
                        transports.isEmpty()
                                ? java.util.Set.of()
                                : Arrays.stream(transports.split(","))
                                        .map(AuthenticatorTransport::valueOf)
                                        .collect(Collectors.toSet()))
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .label(rs.getString("label"))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(lastUsed == null ? null : lastUsed.toInstant())
                .build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant == null ? Instant.now() : instant);
    }

    private static String truncate(String label) {
        return label.length() <= 100 ? label : label.substring(0, 100);
    }
}
