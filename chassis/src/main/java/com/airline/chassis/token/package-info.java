/**
 * Who calls: bearer tokens verified as auth issues them (RS256 against auth's JWKS, through Nimbus
 * JOSE+JWT) and the resources' @RolesAllowed, @PermitAll and @DenyAll enforced, in place of
 * Payara's MP-JWT, which parses the key set again and builds its security machinery anew on every
 * request.
 */
package com.airline.chassis.token;
