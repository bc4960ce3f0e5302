/**
 * Who calls: every bearer token is verified here (RS256 against auth's JWKS, expiry, issuer,
 * audience) and the resources' @RolesAllowed, @PermitAll and @DenyAll are enforced, in place of
 * Payara's MP-JWT, which parses the key set again and builds its security machinery anew on every
 * request: several times the cost of the verification itself.
 */
package com.airline.booking.access;
