/**
 * What every service's {@code /openapi} shares: the problem schema, the bearer-JWT scheme, the
 * common headers ({@link ChassisModelReader}), and the pass that completes Payara's scan from the
 * deployed resource methods themselves: parameter and field limits, roles, problem answers, success
 * codes ({@link ChassisFilter}). {@link ResourceMethods} lists those methods (also at {@code GET
 * /ops/resources}) so that a test can hold the document against what the service really serves.
 * Each WAR names both classes in its microprofile-config.properties; nothing here knows a service.
 */
package com.airline.chassis.openapi;
