/**
 * Owns request rates: a token bucket per client (the user when signed in, else the address) in
 * Payara's data grid, so that every gateway instance counts against the same limit; a stricter
 * bucket per address on sign-in and sign-up against password guessing.
 */
package com.airline.gateway.limits;
