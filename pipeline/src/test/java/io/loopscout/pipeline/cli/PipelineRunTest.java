package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.junit.jupiter.api.Test;

/** Submitting to a Flink session cluster: the job gets the cluster's address and as many subtasks as it has slots. */
class PipelineRunTest {

    @Test
    void aClusterJobRunsOnEverySlotTheClusterReports() throws IOException {
        HttpServer cluster = overview(200, "{\"taskmanagers\":3,\"slots-total\":3,\"slots-available\":3,"
                + "\"jobs-running\":0,\"flink-version\":\"1.19.0\"}");
        try {
            String master = "localhost:" + cluster.getAddress().getPort();
            FlinkPipelineOptions flink = PipelineRun.options(PipelineRun.Runner.FlinkRunner, master)
                    .as(FlinkPipelineOptions.class);
            assertEquals(master, flink.getFlinkMaster());
            assertEquals(3, flink.getParallelism());
        } finally {
            cluster.stop(0);
        }
    }

    @Test
    void aClusterThatDoesNotSayLeavesTheParallelismToBeam() throws IOException {
        HttpServer broken = overview(500, "{\"errors\":[\"internal\"]}");
        try {
            assertEquals(-1, PipelineRun.clusterSlots("localhost:" + broken.getAddress().getPort()));
        } finally {
            broken.stop(0);
        }
        HttpServer closed = overview(200, "{}");
        int port = closed.getAddress().getPort();
        closed.stop(0);
        assertEquals(-1, PipelineRun.clusterSlots("localhost:" + port));
    }

    @Test
    void theEmbeddedClusterKeepsItsLocalMaster() {
        FlinkPipelineOptions flink = PipelineRun.options(PipelineRun.Runner.FlinkRunner, null)
                .as(FlinkPipelineOptions.class);
        assertEquals("[local]", flink.getFlinkMaster());
    }

    /** A REST endpoint answering {@code /overview} with {@code status} and {@code body}. */
    private static HttpServer overview(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/overview", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
