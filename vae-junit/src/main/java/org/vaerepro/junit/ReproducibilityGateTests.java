package org.vaerepro.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gate's tests, for a class annotated {@link ReproducibilityGate}: implement it and add nothing else.
 * <pre>
 * &#64;ReproducibilityGate(suite = "suites/mine.json")
 * class MyResultsIT implements ReproducibilityGateTests {
 * }
 * </pre>
 */
@ExtendWith(ReproducibilityGateExtension.class)
public interface ReproducibilityGateTests {
    @TestFactory
    default Stream<DynamicNode> reproducibilityGate(GateTests gate) {
        return gate.tests();
    }
}
