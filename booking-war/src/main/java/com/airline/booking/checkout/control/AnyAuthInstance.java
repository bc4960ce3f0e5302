package com.airline.booking.checkout.control;

import com.airline.chassis.grid.AnyInstance;

/** Each call to auth goes to the next of its instances in the grid. */
public class AnyAuthInstance extends AnyInstance {

  public AnyAuthInstance() {
    super("auth");
  }
}
