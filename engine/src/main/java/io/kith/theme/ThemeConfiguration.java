package io.kith.theme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.WebFilter;

/** The theme settings and the filter that hands them to pages. */
@Configuration(proxyBeanMethods = false)
public class ThemeConfiguration {

  @Bean
  ThemeSettings themeSettings(DatabaseClient db, TransactionalOperator tx) {
    return new ThemeSettings(db, tx);
  }

  @Bean
  WebFilter themeWebFilter(ThemeSettings settings) {
    return new ThemeWebFilter(settings);
  }
}
