/**
 * Owns what is recorded of the traffic through the door: the access log (one JSON line per API
 * request: time, request id, client, user, method, path, status, bytes, ms, upstream, in a file of
 * its own, ready to be shipped) and the gateway's metrics.
 */
package com.airline.gateway.access;
