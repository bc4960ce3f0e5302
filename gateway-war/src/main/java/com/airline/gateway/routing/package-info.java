/** Owns the routing table (path prefix to service) and the health of the services behind it. */
package com.airline.gateway.routing;
