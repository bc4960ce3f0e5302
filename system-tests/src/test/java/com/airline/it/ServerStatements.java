package com.airline.it;

/**
 * The database server's count of prepared statements open on it, over all clients. The services
 * prepare on the server (useServerPrepStmts) and keep closed statements in a bounded cache per
 * connection, so a statement that a service never closes shows here as one more for good:
 * EclipseLink 4.0.7 left one open for every IDENTITY insert, until the service ran out of memory.
 */
public final class ServerStatements {

  /** Fewer than this many more open after {@link #REPEATS} writes: nothing leaks per write. */
  public static final int MAX_GROWTH = 100;

  /** Writes a test repeats: each leaking one statement would leave this many open. */
  public static final int REPEATS = 300;

  private ServerStatements() {}

  /** Asked through the database of service (started). */
  public static long open(String service) {
    return Sql.one(
        service, "SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'", status -> status.getLong(2));
  }

  /**
   * Runs write (on service) a few times (so that the connections it uses have prepared their
   * statements), then {@link #REPEATS} times, and answers how many more statements are open on the
   * server after.
   */
  public static long growthAfter(String service, Runnable write) {
    for (int i = 0; i < 20; i++) {
      write.run();
    }
    long before = open(service);
    for (int i = 0; i < REPEATS; i++) {
      write.run();
    }
    return open(service) - before;
  }
}
