package io.kith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Kith: a CRM engine whose business model is data. */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration")
public class KithApplication {

  public static void main(String[] args) {
    SpringApplication.run(KithApplication.class, args);
  }
}
