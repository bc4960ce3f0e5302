-- Every key that signed tokens, as a JWK: the key set publishes it until the last token it signed
-- has expired (jwt.ttl-seconds after last_used_at), so that changing JWT_PRIVATE_KEY, or instances
-- of a cluster signing with different keys during a rolling change, sign nobody out.
CREATE TABLE published_key (
  kid          VARCHAR(64) NOT NULL PRIMARY KEY,
  jwk          TEXT        NOT NULL,
  last_used_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
