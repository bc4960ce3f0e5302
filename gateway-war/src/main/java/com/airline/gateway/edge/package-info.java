/**
 * Owns the checks at the door: a valid token (RS256, signed by a key in auth's JWKS, not expired,
 * our issuer and audience) on every non-public path, and ADMIN for catalogue writes. The token is
 * passed on unchanged, so services check it again.
 */
package com.airline.gateway.edge;
