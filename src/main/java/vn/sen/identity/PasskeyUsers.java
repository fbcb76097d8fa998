package vn.sen.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

/** WebAuthn user handles: one random handle per account that registered a passkey. */
@Repository
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final JdbcClient jdbc;

    PasskeyUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.sql("""
                select a.username, p.user_handle from identity.passkey_user p
                join identity.account a on a.id = p.account_id where p.user_handle = :handle
                """)
                .param("handle", id.getBytes())
                .query(PasskeyUsers::userEntity)
                .optional()
                .orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return jdbc.sql("""
                select a.username, p.user_handle from identity.passkey_user p
                join identity.account a on a.id = p.account_id where a.username = :username
                """)
                .param("username", username)
                .query(PasskeyUsers::userEntity)
                .optional()
                .orElse(null);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity entity) {
        jdbc.sql("""
                insert into identity.passkey_user (account_id, user_handle)
                select id, :handle from identity.account where username = :username
                on conflict (account_id) do nothing
                """)
                .param("handle", entity.getId().getBytes())
                .param("username", entity.getName())
                .update();
    }

    @Override
    public void delete(Bytes id) {
        jdbc.sql("delete from identity.passkey_user where user_handle = :handle")
                .param("handle", id.getBytes())
                .update();
    }

    private static PublicKeyCredentialUserEntity userEntity(ResultSet rs, int row) throws SQLException {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .name(rs.getString("username"))
                .id(new Bytes(rs.getBytes("user_handle")))
                .displayName(rs.getString("username"))
                .build();
    }
}
