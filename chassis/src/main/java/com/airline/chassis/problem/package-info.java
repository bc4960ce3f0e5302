/**
 * The one error shape: every failure leaves a service as RFC 9457 application/problem+json with the
 * request's path and id, from JAX-RS (the mappers, the locator) and from the servlet container (the
 * error pages, declared in the chassis's web-fragment.xml).
 */
package com.airline.chassis.problem;
