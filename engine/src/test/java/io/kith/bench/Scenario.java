package io.kith.bench;

import java.net.http.HttpRequest;
import java.util.function.Supplier;

/** One row of the report: a generic endpoint and its hand-written baseline, each a request source. */
record Scenario(String name, Supplier<HttpRequest> generic, Supplier<HttpRequest> baseline, int expectedStatus) {

  Supplier<HttpRequest> side(boolean genericSide) {
    return genericSide ? generic : baseline;
  }
}
