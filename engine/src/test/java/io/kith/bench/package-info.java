/**
 * The foundation benchmark: generic record API and pages next to hand-written baselines on the same
 * stack and database. It prints figures and is run by {@code mvn -Pbench}; it is not a test, so no
 * class here is named like one, and nothing here carries {@code @Configuration} or
 * {@code @Component}, so the engine's component scan never picks it up in other runs.
 */
package io.kith.bench;
