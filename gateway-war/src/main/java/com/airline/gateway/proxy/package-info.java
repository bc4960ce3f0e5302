/** Owns forwarding: a request in, the owning service's answer out, without pinning a thread. */
package com.airline.gateway.proxy;
