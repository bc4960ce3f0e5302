/** Owns the RS256 signing key, issues the JWTs every service verifies and publishes the JWKS. */
package com.airline.auth.tokens;
