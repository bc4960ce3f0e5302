package com.airline.listener;

import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;

/**
 * The port unification in front of the listener's HTTP protocol (named in pre-boot.asadmin): Payara
 * builds its whole HTTP filter chain (codec, web server filter, its container mapper) and registers
 * it here, and this puts {@link MalformedRequestFilter} into it.
 */
public class HttpPortUnification extends PUFilter {

  @Override
  public void register(PUProtocol protocol) {
    MalformedRequestFilter.addAfterCodec(protocol.getFilterChain());
    super.register(protocol);
  }
}
