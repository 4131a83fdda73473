-- Accounts: users with an account role, refresh-token families for sign-in sessions,
-- single-use password reset tokens, and the audit trail of admin actions.
CREATE TABLE users (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username              text        NOT NULL,
    email                 text        NOT NULL,
    -- Argon2id PHC string; NULL for an invited user who has not set a password yet.
    password_hash         text,
    role                  text        NOT NULL DEFAULT 'user',
    -- The linked person; the foreign key arrives with the people table.
    person_id             bigint,
    is_active             boolean     NOT NULL DEFAULT true,
    -- Bumped when every access token of the user must stop working at once.
    token_version         integer     NOT NULL DEFAULT 1,
    theme                 text        NOT NULL DEFAULT 'system',
    default_department_id bigint,
    last_login_at         timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               bigint      NOT NULL DEFAULT 1,
    CONSTRAINT users_role_check CHECK (role IN ('admin', 'manager', 'user')),
    CONSTRAINT users_theme_check CHECK (theme IN ('light', 'dark', 'system')),
    CONSTRAINT users_username_check CHECK (username ~ '^[A-Za-z0-9_.@+-]{1,150}$'),
    CONSTRAINT users_email_check CHECK (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$')
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- One family per sign-in. Each refresh rotates the token inside the family; presenting
-- a rotated token again means it was stolen, and the whole family is revoked.
CREATE TABLE refresh_families (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id             bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at          timestamptz NOT NULL DEFAULT now(),
    absolute_expires_at timestamptz NOT NULL,
    revoked_at          timestamptz,
    revoked_reason      text
);
CREATE INDEX refresh_families_user_id ON refresh_families (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
    -- SHA-256 of the opaque token: a database leak does not leak sessions.
    token_hash      bytea       PRIMARY KEY,
    family_id       bigint      NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    issued_at       timestamptz NOT NULL DEFAULT now(),
    idle_expires_at timestamptz NOT NULL,
    rotated_at      timestamptz,
    CONSTRAINT refresh_tokens_hash_length CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id);

CREATE TABLE password_reset_tokens (
    token_hash bytea       PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CONSTRAINT password_reset_tokens_purpose_check CHECK (purpose IN ('reset', 'invite')),
    CONSTRAINT password_reset_tokens_hash_length CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX password_reset_tokens_user_id ON password_reset_tokens (user_id) WHERE used_at IS NULL;

CREATE TABLE audit_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id     bigint      REFERENCES users (id) ON DELETE SET NULL,
    action       text        NOT NULL,
    target_type  text        NOT NULL,
    target_id    bigint,
    target_label text        NOT NULL DEFAULT '',
    details      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_events_action_check CHECK (action ~ '^[a-z][a-z0-9_]{0,63}$')
);
CREATE INDEX audit_events_created_at ON audit_events (created_at DESC, id DESC);

ALTER TABLE jobs
    ADD CONSTRAINT jobs_requested_by_fkey
    FOREIGN KEY (requested_by) REFERENCES users (id) ON DELETE SET NULL;
