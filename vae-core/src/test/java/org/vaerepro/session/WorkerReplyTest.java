package org.vaerepro.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaerepro.io.Json;

class WorkerReplyTest {
    private static final long GIB = 1L << 30;

    @Test
    void aWorkerIsOverItsThresholdOnlyWhenItHasACapAndHoldsMoreThanThatShareOfIt() {
        assertTrue(new WorkerReply("r", List.of(), 3 * GIB + 1, 4 * GIB).residentAbove(0.75));
        assertFalse(new WorkerReply("r", List.of(), 3 * GIB, 4 * GIB).residentAbove(0.75));
        assertFalse(new WorkerReply("r", List.of(), 30 * GIB, 0).residentAbove(0.75), "no cap, nothing to keep under");
        assertFalse(WorkerReply.unanswered("r", new WorkerReply.Failed(RunPhase.TRAIN, "gone")).residentAbove(0.0));
    }

    @Test
    void aReplyIsOneJsonLineThatReadsBackEqual() throws Exception {
        WorkerReply reply = new WorkerReply("vae/seed-2", List.of(new WorkerReply.Failed(RunPhase.TRAIN, "non-finite loss")),
                2_700_000_000L, 4 * GIB);
        String line = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(reply);
        assertFalse(line.contains("\n"), line);
        assertEquals(reply, Json.mapper().readValue(line, WorkerReply.class));
    }
}
