package org.vaerepro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaerepro.settings.Setting;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals' parameters, as Maven sees them (the plugin descriptor the build generated from the annotations, which
 * {@code mvn vae:help -Ddetail} prints), agree with the one declaration of the settings: each setting's parameter has
 * its name, its property, its description and no literal default of its own (only the declared one, or a Maven
 * expression where the declaration has none), and every goal that starts a session has every setting.
 */
class PluginDescriptorTest {
    /** A goal: its implementation class and its parameters by name. */
    private record Goal(String name, Class<?> implementation, Map<String, Parameter> parameters) {
    }

    private record Parameter(String name, String description, String property, String defaultValue) {
    }

    private static List<Goal> goals;

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getDocumentElement();
        goals = new ArrayList<>();
        for (Element mojo : children(plugin, "mojos", "mojo")) {
            Element configuration = children(mojo, "configuration").get(0);
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            for (Element parameter : children(mojo, "parameters", "parameter")) {
                String name = text(parameter, "name");
                List<Element> configured = children(configuration, name);
                String expression = configured.isEmpty() ? "" : configured.get(0).getTextContent().trim();
                String defaultValue = configured.isEmpty() || !configured.get(0).hasAttribute("default-value") ? null
                        : configured.get(0).getAttribute("default-value");
                parameters.put(name, new Parameter(name, text(parameter, "description").replaceAll("\\s+", " ").trim(),
                        expression.matches("\\$\\{[^}]+}") ? expression.substring(2, expression.length() - 1) : null,
                        defaultValue));
            }
            goals.add(new Goal(text(mojo, "goal"), Class.forName(text(mojo, "implementation"), false,
                    PluginDescriptorTest.class.getClassLoader()), parameters));
        }
    }

    @Test
    void everyGoalThatStartsASessionHasEverySetting() {
        List<Goal> sessionGoals = goals.stream().filter(g -> AbstractVaeMojo.class.isAssignableFrom(g.implementation()))
                .toList();
        assertTrue(sessionGoals.stream().map(Goal::name).toList().containsAll(
                List.of("train", "evaluate", "report", "reproduce", "baseline")), goals.toString());
        for (Goal goal : sessionGoals) {
            for (Setting setting : Setting.values()) {
                assertTrue(goal.parameters().containsKey(setting.id()), "vae:" + goal.name() + " has no parameter "
                        + setting.id() + " for " + setting);
            }
        }
    }

    @Test
    void aSettingsParameterIsNamedSetAndDescribedAsDeclared() {
        int checked = 0;
        for (Goal goal : goals) {
            for (Parameter parameter : goal.parameters().values()) {
                Optional<Setting> byName = Setting.byId(parameter.name());
                String where = "vae:" + goal.name() + " parameter " + parameter.name();
                if (byName.isEmpty()) {
                    assertTrue(parameter.property() == null || java.util.Arrays.stream(Setting.values())
                            .noneMatch(s -> s.property().equals(parameter.property())),
                            where + " is set by a setting's property under another name");
                    continue;
                }
                Setting setting = byName.get();
                assertEquals(setting.property(), parameter.property(), where + ": property");
                assertEquals(setting.description(), parameter.description(), where + ": description");
                if (parameter.defaultValue() != null) {
                    assertTrue(setting.defaultValue().map(parameter.defaultValue()::equals)
                            .orElse(parameter.defaultValue().startsWith("${")), where + ": default '"
                            + parameter.defaultValue() + "', declared " + setting.defaultValue());
                }
                checked++;
            }
        }
        assertTrue(checked >= 5 * Setting.values().length, checked + " parameters checked");
    }

    @Test
    void theSiteReportReadsItsSettingsUnderTheSameNames() {
        Goal site = goals.stream().filter(g -> g.name().equals("site-report")).findFirst().orElseThrow();
        for (Setting setting : List.of(Setting.SUITE_FILE, Setting.OUTPUT_DIRECTORY, Setting.TEMPLATE_DIRECTORY)) {
            assertEquals(setting.property(), site.parameters().get(setting.id()).property(), setting.toString());
        }
        assertFalse(site.parameters().containsKey(Setting.WORKERS.id()), "the report starts no runs");
    }

    /** The child elements at the end of {@code path} below {@code parent}. */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                NodeList nodes = element.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }
}
