package com.airline.listener;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The one protocol finder of the listener's port unification: every connection is HTTP. Grizzly's
 * own HttpProtocolFinder would close a connection whose request line is longer than 2 KiB or does
 * not look like HTTP, where the codec answers today.
 */
public class EveryConnection implements ProtocolFinder {

  @Override
  public Result find(PUContext puContext, FilterChainContext ctx) {
    return Result.FOUND;
  }
}
