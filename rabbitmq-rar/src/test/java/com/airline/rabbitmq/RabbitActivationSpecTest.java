package com.airline.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The activation spec on its own: placeholders, defaults and validation. No broker. */
class RabbitActivationSpecTest {

  /** Set in no environment: the fallback applies. */
  private static final String UNSET = "AIRLINE_RAR_TEST_UNSET_VARIABLE";

  @Test
  void placeholder_takesTheEnvironmentVariable_whenSet() {
    String path = System.getenv("PATH");
    assertTrue(path != null && !path.isBlank(), "the test needs PATH in its environment");
    assertEquals(path, RabbitActivationSpec.resolve("${PATH:fallback}"));
  }

  @Test
  void placeholder_takesTheFallback_whenTheVariableIsUnset() {
    assertEquals(null, System.getenv(UNSET));
    assertEquals(
        "reminder.events", RabbitActivationSpec.resolve("${" + UNSET + ":reminder.events}"));
    assertEquals("", RabbitActivationSpec.resolve("${" + UNSET + ":}"));
    // A fallback may hold what is not a name: dots, colons, slashes.
    assertEquals("amqp://h:1/v", RabbitActivationSpec.resolve("${" + UNSET + ":amqp://h:1/v}"));
  }

  @Test
  void plainValues_andPartialPlaceholders_areLeftAlone() {
    assertEquals("bookings", RabbitActivationSpec.resolve("bookings"));
    assertEquals("a.${PATH:x}", RabbitActivationSpec.resolve("a.${PATH:x}"));
    assertEquals("${PATH}", RabbitActivationSpec.resolve("${PATH}")); // no fallback: not ours
    assertEquals("${MPCONFIG=q}", RabbitActivationSpec.resolve("${MPCONFIG=q}"));
  }

  @Test
  void everySetter_resolvesPlaceholders() {
    RabbitActivationSpec spec = new RabbitActivationSpec();
    String fallback = "${" + UNSET + ":%s}";
    spec.setHost(fallback.formatted("broker.internal"));
    spec.setPort(fallback.formatted("5673"));
    spec.setUser(fallback.formatted("reminder"));
    spec.setPassword(fallback.formatted("secret"));
    spec.setVirtualHost(fallback.formatted("airline"));
    spec.setQueue(fallback.formatted("reminder.events"));
    spec.setExchange(fallback.formatted("airline.events"));
    spec.setBindingKey(fallback.formatted("booking.*"));
    spec.setDeadLetterQueue(fallback.formatted("reminder.failed"));
    spec.setMaxSession(fallback.formatted("3"));
    spec.setMaxDeliveries(fallback.formatted("7"));
    spec.setRedeliveryDelay(fallback.formatted("250"));
    spec.setDeliveryTimeout(fallback.formatted("60000"));

    assertEquals("broker.internal", spec.getHost());
    assertEquals(5673, spec.portNumber());
    assertEquals("reminder", spec.getUser());
    assertEquals("secret", spec.getPassword());
    assertEquals("airline", spec.getVirtualHost());
    assertEquals("reminder.events", spec.getQueue());
    assertEquals("airline.events", spec.getExchange());
    assertEquals("booking.*", spec.getBindingKey());
    assertEquals("reminder.failed", spec.deadLetterQueueName());
    assertEquals(3, spec.sessions());
    assertEquals(7, spec.deliveries());
    assertEquals(250L, spec.redeliveryDelayMillis());
    assertEquals(60_000, spec.deliveryTimeoutMillis());

    spec.setDestination(fallback.formatted("other.queue"));
    assertEquals("other.queue", spec.getQueue());
  }

  @Test
  void defaults_comeFromTheRabbitmqEnvironment_elseLocalGuest() {
    RabbitActivationSpec spec = new RabbitActivationSpec();
    assertEquals(env("RABBITMQ_HOST", "127.0.0.1"), spec.getHost());
    assertEquals(env("RABBITMQ_PORT", "5672"), spec.getPort());
    assertEquals(env("RABBITMQ_USER", "guest"), spec.getUser());
    assertEquals(env("RABBITMQ_PASSWORD", "guest"), spec.getPassword());
    assertEquals(env("RABBITMQ_VIRTUAL_HOST", "/"), spec.getVirtualHost());
    assertEquals(2, spec.sessions());
    assertEquals(5, spec.deliveries());
    assertEquals("#", spec.getBindingKey());
    assertEquals(null, spec.getExchange());
  }

  @Test
  void deadLetterQueue_defaultsToTheQueueDotDead() {
    RabbitActivationSpec spec = valid();
    assertEquals("bookings.dead", spec.deadLetterQueueName());
    spec.setDeadLetterQueue(" ");
    assertEquals("bookings.dead", spec.deadLetterQueueName());
    spec.setDeadLetterQueue("parking");
    assertEquals("parking", spec.deadLetterQueueName());
  }

  @Test
  void validate_acceptsTheDefaults_withAQueue() throws Exception {
    valid().validate();
    RabbitActivationSpec noDelay = valid();
    noDelay.setRedeliveryDelay("0");
    noDelay.validate();
  }

  @Test
  void validate_requiresAQueue() {
    assertInvalid(new RabbitActivationSpec(), "queue");
    RabbitActivationSpec blank = new RabbitActivationSpec();
    blank.setQueue("  ");
    assertInvalid(blank, "queue");
    RabbitActivationSpec unresolved = new RabbitActivationSpec();
    unresolved.setQueue("${" + UNSET + ":}"); // resolves to nothing
    assertInvalid(unresolved, "queue");
  }

  @ParameterizedTest
  @CsvSource({
    "port, x",
    "port, 0",
    "maxSession, 0",
    "maxSession, two",
    "maxSession, ''",
    "maxDeliveries, 0",
    "maxDeliveries, -1",
    "redeliveryDelay, -1",
    "redeliveryDelay, 1s",
    "deliveryTimeout, 0",
    "deliveryTimeout, 99999999999",
  })
  void validate_rejectsNumbersOutOfRange(String property, String value) {
    RabbitActivationSpec spec = valid();
    setter(property).accept(spec, value == null ? "" : value);
    assertInvalid(spec, property);
  }

  @Test
  void onlyQueuesAreSupported() {
    RabbitActivationSpec spec = valid();
    spec.setDestinationType("jakarta.jms.Queue");
    assertEquals("jakarta.jms.Queue", spec.getDestinationType());
    assertThrows(
        IllegalArgumentException.class, () -> spec.setDestinationType("jakarta.jms.Topic"));
  }

  @Test
  void endpointActivation_validatesBeforeScheduling() {
    RabbitResourceAdapter adapter = new RabbitResourceAdapter();
    TestBootstrapContext context = new TestBootstrapContext();
    adapter.start(context);
    TestEndpointFactory mdb = new TestEndpointFactory(context.transactions);

    RabbitActivationSpec invalid = valid();
    invalid.setMaxSession("0");
    assertThrows(InvalidPropertyException.class, () -> adapter.endpointActivation(mdb, invalid));
    assertThrows(
        NotSupportedException.class, () -> adapter.endpointActivation(mdb, new OtherSpec()));
    assertEquals(0, context.works().threads.size(), "a Work was scheduled");
    adapter.stop();
  }

  private static RabbitActivationSpec valid() {
    RabbitActivationSpec spec = new RabbitActivationSpec();
    spec.setQueue("bookings");
    return spec;
  }

  private static void assertInvalid(RabbitActivationSpec spec, String property) {
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
    assertTrue(e.getMessage().startsWith(property + " "), e.getMessage());
  }

  private static BiConsumer<RabbitActivationSpec, String> setter(String property) {
    return switch (property) {
      case "port" -> RabbitActivationSpec::setPort;
      case "maxSession" -> RabbitActivationSpec::setMaxSession;
      case "maxDeliveries" -> RabbitActivationSpec::setMaxDeliveries;
      case "redeliveryDelay" -> RabbitActivationSpec::setRedeliveryDelay;
      case "deliveryTimeout" -> RabbitActivationSpec::setDeliveryTimeout;
      default -> throw new IllegalArgumentException(property);
    };
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static final class OtherSpec implements ActivationSpec {
    private ResourceAdapter adapter;

    @Override
    public void validate() {}

    @Override
    public ResourceAdapter getResourceAdapter() {
      return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
      this.adapter = adapter;
    }
  }
}
