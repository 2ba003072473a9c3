package io.kith.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty 1.3 server bug (reactor/reactor-netty#4361): the server reads a
 * kept-alive connection on demand, and when a request that arrived while the previous one was still
 * finishing is answered synchronously (a request that needs no database, now that sign-ins are kept
 * in memory), no further read is requested, so the connection's next request is never answered.
 * This handler, next to the server's traffic handler, requests a read once each response has been
 * written, after the server's own handling of that write. A read requested while a request is in
 * progress is harmless: the server queues what arrives until the response is done.
 */
@ChannelHandler.Sharable
public final class KeepAliveReads extends ChannelOutboundHandlerAdapter {

  private static final KeepAliveReads INSTANCE = new KeepAliveReads();

  private KeepAliveReads() {}

  /**
   * Puts the handler right after the server's HTTP traffic handler in every HTTP/1.1 connection's
   * pipeline (where responses are still HTTP objects, not bytes).
   */
  public static NettyServerCustomizer customizer() {
    return server -> server.doOnChannelInit((observer, channel, address) -> {
      if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
        channel.pipeline().addAfter(NettyPipeline.HttpTrafficHandler, KeepAliveReads.class.getName(), INSTANCE);
      }
    });
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof LastHttpContent) {
      Channel channel = ctx.channel();
      promise = promise.unvoid();
      promise.addListener(written -> channel.eventLoop().execute(() -> {
        if (written.isSuccess() && channel.isActive() && !channel.config().isAutoRead()) {
          channel.read();
        }
      }));
    }
    ctx.write(msg, promise);
  }
}
