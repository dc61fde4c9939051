package io.tanxin.intake.telemetry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MQTT side of telemetry intake. A persistent session (fixed client id, clean start off,
 * session expiry) lets the broker keep QoS 1 readings while the platform is away; every message
 * is acknowledged only after {@link TelemetryIntake} has committed it, so a crash or a broker
 * restart means redelivery, never loss, and the reading key turns redelivery into a no-op.
 *
 * <p>The broker being down at start is not an error: the client keeps reconnecting in the
 * background and the application starts anyway.
 */
@Component
@ConditionalOnProperty(name = "tanxin.telemetry.enabled", havingValue = "true", matchIfMissing = true)
class MqttTelemetrySubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

    private final TelemetryIntake intake;
    private final TelemetryProperties properties;
    /** Bounded in practice by the receive maximum: the broker sends no more than that unacknowledged. */
    private final BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();

    private volatile boolean running;
    /** The broker has our subscription: confirmed by SUBACK or by a resumed session. */
    private volatile boolean subscribed;
    private volatile Mqtt5AsyncClient client;
    private Thread writer;

    MqttTelemetrySubscriber(TelemetryIntake intake, TelemetryProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::writeLoop, "telemetry-writer");
        writer.setDaemon(true);
        writer.start();
        URI broker = URI.create(properties.brokerUrl());
        client = Mqtt5Client.builder()
                .identifier(properties.clientId())
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> subscribeUnlessSessionKeptIt((Mqtt5ClientConnectedContext) context))
                .addDisconnectedListener(context -> log.info("telemetry: disconnected from {} ({}), reconnecting",
                        properties.brokerUrl(), context.getCause().getMessage()))
                .buildAsync();
        // registered before connecting: a resumed session delivers at once, before any SUBSCRIBE of ours
        client.publishes(MqttGlobalPublishFilter.ALL, received::add, true);
        client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(properties.sessionExpiry().toSeconds())
                .restrictions().receiveMaximum(properties.receiveMaximum()).applyRestrictions()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        log.warn("telemetry: broker {} not reachable ({}); retrying in the background",
                                properties.brokerUrl(), error.getMessage());
                    }
                });
    }

    private void subscribeUnlessSessionKeptIt(Mqtt5ClientConnectedContext context) {
        boolean sessionPresent = context.getConnAck().isSessionPresent();
        log.info("telemetry: connected to {} as {} (session present: {})", properties.brokerUrl(),
                properties.clientId(), sessionPresent);
        if (sessionPresent) {
            subscribed = true;
            return;
        }
        client.subscribeWith().topicFilter(properties.topicFilter()).qos(MqttQos.AT_LEAST_ONCE).send()
                .whenComplete((subAck, error) -> {
                    subscribed = error == null;
                    if (error != null) {
                        log.warn("telemetry: subscription to {} failed: {}", properties.topicFilter(), error.getMessage());
                    }
                });
    }

    private void writeLoop() {
        while (running) {
            List<Mqtt5Publish> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<InboundMessage> messages = new ArrayList<>(batch.size());
            for (Mqtt5Publish p : batch) {
                messages.add(new InboundMessage(p.getTopic().toString(), p.getPayloadAsBytes()));
            }
            if (storeUntilCommitted(messages)) {
                for (Mqtt5Publish p : batch) {
                    acknowledge(p);
                }
            }
        }
    }

    /** The first message waits as long as it takes; the rest of a batch at most batchWait. */
    private List<Mqtt5Publish> nextBatch() throws InterruptedException {
        List<Mqtt5Publish> batch = new ArrayList<>();
        Mqtt5Publish first = received.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + properties.batchWait().toNanos();
        while (batch.size() < properties.batchSize()) {
            received.drainTo(batch, properties.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= properties.batchSize() || left <= 0) {
                break;
            }
            Mqtt5Publish next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /**
     * Retries while the database is away. Answers false only when stopping: those messages stay
     * unacknowledged and come back with the session.
     */
    private boolean storeUntilCommitted(List<InboundMessage> messages) {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                TelemetryIntake.Stored stored = intake.store(messages);
                if (log.isDebugEnabled()) {
                    log.debug("telemetry: {} messages → {} readings, {} duplicates, {} dead letters", messages.size(),
                            stored.readings(), stored.duplicates(), stored.deadLetters());
                }
                return true;
            } catch (RuntimeException e) {
                log.warn("telemetry: storing {} messages failed ({}); retrying in {} ms", messages.size(),
                        e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    private void acknowledge(Mqtt5Publish publish) {
        try {
            publish.acknowledge();
            acknowledged.incrementAndGet();
        } catch (RuntimeException e) {
            // a message of a connection that has since dropped: the broker redelivers it and the key absorbs it
            log.debug("telemetry: acknowledgement not sent: {}", e.getMessage());
        }
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    /** Connected, and the broker routes readings to us. */
    boolean ready() {
        Mqtt5AsyncClient c = client;
        return subscribed && c != null && c.getState().isConnected();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Mqtt5AsyncClient c = client;
        if (c != null) {
            try {
                // a plain DISCONNECT keeps the session (its expiry was set at connect); unacknowledged messages stay queued
                c.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("telemetry: disconnect: {}", e.getMessage());
            }
        }
        received.clear();
        subscribed = false;
        client = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
