/**
 * Which instances of which service there are, from the data grid all instances share: each instance
 * publishes its service and URL there once it is ready and withdraws it when it stops ({@link
 * com.airline.chassis.grid.SelfRegistration}); every instance keeps a local view of all of them
 * ({@link com.airline.chassis.grid.Directory}), which the gateway routes by and callers of other
 * services pick an instance from ({@link com.airline.chassis.grid.AnyInstance}). Only strings go
 * into the grid: its members run other services and lack these classes.
 */
package com.airline.chassis.grid;
