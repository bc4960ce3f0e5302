package com.airline.booking.checkout.control;

import com.airline.chassis.grid.AnyInstance;

/** Each call to flights goes to the next of its instances in the grid (a retry to another). */
public class AnyFlightsInstance extends AnyInstance {

  public AnyFlightsInstance() {
    super("flights");
  }
}
