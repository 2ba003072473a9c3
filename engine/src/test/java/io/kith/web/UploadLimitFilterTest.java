package io.kith.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** An upload past the limit is read to its end, the rest discarded, and only then refused. */
class UploadLimitFilterTest {

  private static final int PIECE = 16 * 1024;

  @Test
  void passesTheBodyUnderTheLimitUntouched() {
    Flux<DataBuffer> body = Flux.range(0, 3).map(i -> piece());

    StepVerifier.create(new UploadLimitFilter(3 * PIECE - UploadLimitFilter.SLACK).bounded(body))
        .expectNextCount(3)
        .verifyComplete();
  }

  @Test
  void readsTheRestOfAnOverLongBodyBeforeRefusingIt() {
    AtomicInteger read = new AtomicInteger();
    Flux<DataBuffer> body = Flux.range(0, 40).map(i -> piece()).doOnNext(b -> read.incrementAndGet());
    // Room for 4 pieces besides the slack: 4 + 4 of the 40 go on, the other 32 are read and dropped.
    UploadLimitFilter filter = new UploadLimitFilter(4 * PIECE);

    StepVerifier.create(filter.bounded(body))
        .expectNextCount(4 + UploadLimitFilter.SLACK / PIECE)
        .expectError(DataBufferLimitException.class)
        .verify();
    assertThat(read.get()).as("every piece of the body was read").isEqualTo(40);
  }

  private static DataBuffer piece() {
    return DefaultDataBufferFactory.sharedInstance.wrap("x".repeat(PIECE).getBytes(StandardCharsets.US_ASCII));
  }
}
