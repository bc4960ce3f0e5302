/**
 * Request ids: taken from X-Request-ID or made, answered, and written into every log line of the
 * request.
 */
package com.airline.chassis.requestid;
