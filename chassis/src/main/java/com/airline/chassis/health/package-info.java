/**
 * A service's start-up (schema first, then the service's own steps) and the readiness that follows
 * from it.
 */
package com.airline.chassis.health;
