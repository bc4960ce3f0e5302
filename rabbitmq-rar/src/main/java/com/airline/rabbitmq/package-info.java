/**
 * A JCA inbound resource adapter feeding message-driven beans from a RabbitMQ queue over the
 * RabbitMQ JMS client: asynchronous activation, prefetch 1, acknowledgement after the endpoint's
 * delivery returned, redelivery when it throws, a dead-letter queue after a bounded number of
 * deliveries (a quorum queue's delivery limit), reconnection with backoff, state in JMX.
 */
package com.airline.rabbitmq;
