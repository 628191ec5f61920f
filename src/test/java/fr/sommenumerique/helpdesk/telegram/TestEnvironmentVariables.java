package fr.sommenumerique.helpdesk.telegram;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stands in for {@code export NAME=value} in tests. The channel accepts the bot token only from the operating-system
 * environment, i.e. Spring's {@value StandardEnvironment#SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME} property source,
 * and a JVM cannot change its own environment. So this initializer replaces that property source, before any bean
 * reads it, by one of the same name and type holding the real environment plus (or minus) the given variable. The
 * production code is unchanged: it still looks at that source only, and a token given any other way is refused.
 */
public final class TestEnvironmentVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String name;
    private final String value;

    private TestEnvironmentVariables(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /** The OS environment as it is, plus {@code name=value}. */
    public static TestEnvironmentVariables with(String name, String value) {
        return new TestEnvironmentVariables(name, value);
    }

    /** The OS environment as it is, without {@code name} (whatever the developer's shell exports). */
    public static TestEnvironmentVariables without(String name) {
        return new TestEnvironmentVariables(name, null);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> variables = new HashMap<>(System.getenv());
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        String sourceName = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        SystemEnvironmentPropertySource replacement = new SystemEnvironmentPropertySource(sourceName, variables);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(sourceName)) {
            sources.replace(sourceName, replacement);
        } else {
            sources.addLast(replacement);
        }
    }
}
