-- Passkeys (khóa truy cập, WebAuthn): the WebAuthn user handle of an account and its credentials.
create table identity.passkey_user (
    account_id  bigint primary key references identity.account (id) on delete cascade,
    user_handle bytea  not null unique
);

create table identity.passkey (
    credential_id                bytea        primary key,
    user_handle                  bytea        not null references identity.passkey_user (user_handle) on delete cascade,
    public_key                   bytea        not null,
    signature_count              bigint       not null,
    uv_initialized               boolean      not null,
    backup_eligible              boolean      not null,
    backup_state                 boolean      not null,
    transports                   varchar(200) not null default '',
    attestation_object           bytea,
    attestation_client_data_json bytea,
    label                        varchar(100) not null,
    created_at                   timestamptz  not null default now(),
    last_used_at                 timestamptz
);
create index passkey_user_handle on identity.passkey (user_handle);
