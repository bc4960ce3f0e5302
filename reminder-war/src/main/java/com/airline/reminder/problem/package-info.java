/** Owns the error shape: every failure leaves the service as RFC 9457 application/problem+json. */
package com.airline.reminder.problem;
