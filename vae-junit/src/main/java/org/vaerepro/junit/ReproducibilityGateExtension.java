package org.vaerepro.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class annotated {@link ReproducibilityGate} its {@link GateTests}: the suite its annotation names,
 * judged once per class (stored in the class's extension context, so a second factory method shares the judgement).
 */
public final class ReproducibilityGateExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ReproducibilityGateExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GateTests.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ReproducibilityGate gate = AnnotationSupport.findAnnotation(testClass, ReproducibilityGate.class)
                .orElseThrow(() -> new ParameterResolutionException(testClass.getName() + " implements "
                        + ReproducibilityGateTests.class.getSimpleName() + " but is not annotated @"
                        + ReproducibilityGate.class.getSimpleName() + "(suite = \"...\"): the gate needs a suite"));
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                key -> GateTests.judge(GateSettings.of(gate, System.getProperties())), GateTests.class);
    }
}
