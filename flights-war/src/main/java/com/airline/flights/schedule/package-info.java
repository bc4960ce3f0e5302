/**
 * Owns flights: ADMIN schedules, changes and removes them; anyone searches them. Searches are
 * served from a short-lived in-memory cache of result pages, emptied on every catalogue write.
 */
package com.airline.flights.schedule;
