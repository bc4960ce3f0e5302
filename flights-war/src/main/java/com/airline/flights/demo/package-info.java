/** Owns the demo catalogue: loaded on first start when flights.demo-data is true. */
package com.airline.flights.demo;
