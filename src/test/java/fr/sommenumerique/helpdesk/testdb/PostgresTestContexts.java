package fr.sommenumerique.helpdesk.testdb;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * When the test JVM runs on PostgreSQL ({@link TestPostgres#selected()}), every Spring test context gets a fresh
 * PostgreSQL database in place of the H2 one its test names: the same tests then prove the same behaviour on both.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class PostgresTestContexts implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return TestPostgres.selected() ? new PostgresDatabase() : null;
    }

    /** Equal to every other instance: it does not split the context cache. */
    private static final class PostgresDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgres",
                    TestPostgres.newDatasourceProperties(config.getTestClass().getSimpleName())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PostgresDatabase;
        }

        @Override
        public int hashCode() {
            return PostgresDatabase.class.hashCode();
        }
    }
}
