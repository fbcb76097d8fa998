-- Signature and seal images (hình chữ ký, hình con dấu) for the look of signatures (NĐ 30 annex I): the
-- signer's blue handwritten signature, the agency's red seal at real size; PNG, transparent background.
create table signing.image (
    id          bigserial     primary key,
    kind        varchar(10)   not null check (kind in ('SIGNATURE', 'SEAL')),
    officer_id  bigint,
    unit_id     bigint,
    file_id     uuid          not null,
    width_mm    numeric(5, 1) not null check (width_mm > 0),
    height_mm   numeric(5, 1) not null check (height_mm > 0),
    uploaded_by varchar(100)  not null,
    uploaded_at timestamptz   not null default now(),
    active      boolean       not null default true,
    check ((kind = 'SIGNATURE' and officer_id is not null and unit_id is null)
        or (kind = 'SEAL' and unit_id is not null and officer_id is null))
);
-- one image in use per officer and per agency; replaced ones stay for the record
create unique index image_officer_active on signing.image (officer_id) where active and kind = 'SIGNATURE';
create unique index image_unit_active on signing.image (unit_id) where active and kind = 'SEAL';
