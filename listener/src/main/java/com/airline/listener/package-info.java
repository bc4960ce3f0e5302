/**
 * Every instance's HTTP listener, before Payara's web container: requests the container cannot take
 * (a request target that does not decode, oversized header fields) get problem+json with a request
 * id, where Payara answered a bare 400, or a 200 with no body (payara/Payara#8000).
 *
 * <p>Payara builds its Grizzly filter chain from domain.xml and names no filter of ours in it; the
 * one place it instantiates a class we name around the HTTP chain is port unification.
 * server-config/pre-boot.asadmin puts the listener's HTTP protocol behind a port unification with
 * {@link com.airline.listener.HttpPortUnification}, which adds {@link
 * com.airline.listener.MalformedRequestFilter} right after the HTTP codec, and {@link
 * com.airline.listener.EveryConnection}, which sends every connection there.
 */
package com.airline.listener;
