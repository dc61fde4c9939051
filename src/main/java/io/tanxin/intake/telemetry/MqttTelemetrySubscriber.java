package io.tanxin.intake.telemetry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MQTT side of telemetry intake. A persistent session (fixed client id, clean session off)
 * lets the broker keep QoS 1 readings while the platform is away; every message
 * is acknowledged only after {@link TelemetryIntake} has committed it, so a crash or a broker
 * restart means redelivery, never loss, and the reading key turns redelivery into a no-op.
 *
 * <p>The broker being down at start is not an error: the client keeps reconnecting in the
 * background and the application starts anyway.
 *
 * <p>MQTT 3.1.1, not 5, on purpose: while a backlog is queued for us, Mosquitto 2.0 (2.0.11 here)
 * sends past an MQTT 5 client's receive maximum (measured; compare eclipse-mosquitto/mosquitto#2301),
 * the HiveMQ client rightly disconnects on that, and after an outage the pair would reconnect
 * forever. Under 3.1.1 nothing is negotiated to overrun; {@link #MAX_PENDING} is our bound.
 */
@Component
@ConditionalOnProperty(name = "tanxin.telemetry.enabled", havingValue = "true", matchIfMissing = true)
class MqttTelemetrySubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

    private final TelemetryIntake intake;
    private final TelemetryProperties properties;
    /**
     * Received, not yet acknowledged. Bounded well below the 65,535 packet ids: Mosquitto 2.0 does
     * not hold to max_inflight_messages while a backlog is queued, and past 65,535 unacknowledged
     * messages it reuses an id still in flight, which the client must treat as a protocol error.
     * A full queue blocks the client's network thread, so TCP flow control stops the broker instead.
     */
    static final int MAX_PENDING = 20_000;
    private final BlockingQueue<Mqtt3Publish> received = new LinkedBlockingQueue<>(MAX_PENDING);
    private final AtomicLong acknowledged = new AtomicLong();

    private volatile boolean running;
    /** The broker has our subscription: confirmed by SUBACK or by a resumed session. */
    private volatile boolean subscribed;
    private volatile Mqtt3AsyncClient client;
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
        client = Mqtt3Client.builder()
                .identifier(properties.clientId())
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> subscribeUnlessSessionKeptIt((Mqtt3ClientConnectedContext) context))
                .addDisconnectedListener(context -> log.info("telemetry: disconnected from {} ({}), reconnecting",
                        properties.brokerUrl(), context.getCause().getMessage()))
                .buildAsync();
        // registered before connecting: a resumed session delivers at once, before any SUBSCRIBE of ours
        client.publishes(MqttGlobalPublishFilter.ALL, this::hold, true);
        client.connectWith()
                .cleanSession(false)
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        log.warn("telemetry: broker {} not reachable ({}); retrying in the background",
                                properties.brokerUrl(), error.getMessage());
                    }
                });
    }

    private void hold(Mqtt3Publish publish) {
        try {
            received.put(publish);
        } catch (InterruptedException e) {
            // not acknowledged, so the broker delivers it again
            Thread.currentThread().interrupt();
        }
    }

    private void subscribeUnlessSessionKeptIt(Mqtt3ClientConnectedContext context) {
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
            List<Mqtt3Publish> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<InboundMessage> messages = new ArrayList<>(batch.size());
            for (Mqtt3Publish p : batch) {
                messages.add(new InboundMessage(p.getTopic().toString(), p.getPayloadAsBytes()));
            }
            if (storeUntilCommitted(messages)) {
                for (Mqtt3Publish p : batch) {
                    acknowledge(p);
                }
            }
        }
    }

    /**
     * The first message waits as long as it takes; the rest of a batch at most batchWait, which
     * stays short because the broker sends nothing more while its in-flight window is full.
     */
    private List<Mqtt3Publish> nextBatch() throws InterruptedException {
        List<Mqtt3Publish> batch = new ArrayList<>();
        Mqtt3Publish first = received.poll(200, TimeUnit.MILLISECONDS);
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
            Mqtt3Publish next = received.poll(left, TimeUnit.NANOSECONDS);
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

    private void acknowledge(Mqtt3Publish publish) {
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
        Mqtt3AsyncClient c = client;
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
        Mqtt3AsyncClient c = client;
        if (c != null) {
            try {
                // the session outlives the connection (clean session off): unacknowledged messages stay queued
                CompletableFuture<Void> disconnected = c.disconnect();
                // a network thread blocked on a full queue must be let go before it can disconnect
                received.clear();
                disconnected.get(5, TimeUnit.SECONDS);
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
