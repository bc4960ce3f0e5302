package com.airline.reminder.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the booking-events consumers are connected to RabbitMQ. The resource adapter
 * (another module, rabbitmq-rar) publishes its state in JMX.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

  @Inject
  @ConfigProperty(name = "reminder.events.queue")
  String queue;

  @Override
  public HealthCheckResponse call() {
    try {
      ObjectName name =
          new ObjectName("com.airline.rabbitmq:type=Consumer,queue=" + ObjectName.quote(queue));
      var server = ManagementFactory.getPlatformMBeanServer();
      boolean connected = (Boolean) server.getAttribute(name, "Connected");
      return HealthCheckResponse.named("broker")
          .status(connected)
          .withData("queue", queue)
          .withData("consumers", ((Number) server.getAttribute(name, "Consumers")).longValue())
          .build();
    } catch (JMException e) {
      return HealthCheckResponse.named("broker")
          .down()
          .withData("queue", queue)
          .withData("error", "no consumer activated: " + e.getMessage())
          .build();
    }
  }
}
