/** Owns the error shape: the gateway's own failures (no route, upstream down) as problem+json. */
package com.airline.gateway.problem;
