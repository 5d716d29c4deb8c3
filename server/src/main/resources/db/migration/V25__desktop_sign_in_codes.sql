-- Portable SQL: runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- The one-time codes that finish the desktop's single sign-on (OidcDesktopCodes, decision 0050), in the metadata
-- store so that any API replica can redeem a code another issued. Only the SHA-256 of a code is kept; a row lives
-- 60 seconds and is deleted when redeemed (rightly or not) or by the clean-up once expired.
CREATE TABLE desktop_sign_in_codes (
    code_hash  VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    challenge  VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL,
    CONSTRAINT desktop_sign_in_codes_pk PRIMARY KEY (code_hash),
    CONSTRAINT desktop_sign_in_codes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX desktop_sign_in_codes_expiry ON desktop_sign_in_codes (expires_at);
