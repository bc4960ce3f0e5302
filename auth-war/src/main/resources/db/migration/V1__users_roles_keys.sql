CREATE TABLE role (
  name        VARCHAR(32)  NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL,
  built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- e-mails are stored lower-cased; the case-insensitive collation makes the unique key hold anyway
CREATE TABLE user_account (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  email         VARCHAR(254) NOT NULL COLLATE utf8mb4_unicode_ci,
  name          VARCHAR(100) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  version       BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_user_account_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_role (
  user_id   CHAR(36)    NOT NULL,
  role_name VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, role_name),
  KEY ix_user_role_role (role_name),
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_role_role FOREIGN KEY (role_name) REFERENCES role (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the generated RS256 key pair when none is configured (jwt.private-key); the oldest row signs
CREATE TABLE signing_key (
  kid         VARCHAR(64) NOT NULL PRIMARY KEY,
  private_key TEXT        NOT NULL,
  created_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO role (name, description, built_in, created_at) VALUES
  ('ADMIN', 'Manages users, roles and the flight catalogue', TRUE, UTC_TIMESTAMP(6)),
  ('SUPPORT', 'Reads users and bookings to help customers', TRUE, UTC_TIMESTAMP(6)),
  ('USER', 'Books flights for themselves', TRUE, UTC_TIMESTAMP(6));
