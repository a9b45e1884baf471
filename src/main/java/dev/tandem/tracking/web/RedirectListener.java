package dev.tandem.tracking.web;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code /r/{slug}} on a port of its own ({@code tandem.redirect.port}): a bare Netty HTTP/1.1
 * server in front of the same {@link Redirect} the servlet filter calls, without Tomcat's request
 * parsing, recycling and valves (bench/redirect.sh on a quiet machine: 31 against 76 µs of CPU per redirect). One
 * acceptor thread, at most two event-loop threads, keep-alive (idle connections closed after 20 s),
 * 8 KB of request line and of headers at most, pooled buffers, request bodies read and dropped.
 * Forwarded headers are believed from the proxies Tomcat trusts ({@link TrustedProxies}).
 * It stops accepting before the click writer flushes (a higher lifecycle phase), so every click it
 * answered for is written.
 */
public final class RedirectListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectListener.class);
    /** Request line and headers each, as Tomcat's default 8 KB. */
    private static final int MAX_HEADER_BYTES = 8192;
    /** A connection that sends nothing for this long is closed, as Tomcat's keep-alive timeout (20 s). */
    private static final int IDLE_SECONDS = 20;

    private final int requestedPort;
    private final Redirect redirect;
    private final TrustedProxies proxies;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel server;
    private volatile int port = -1;

    /** @param port 0: any free port (tests) */
    RedirectListener(int port, Redirect redirect, TrustedProxies proxies) {
        this.requestedPort = port;
        this.redirect = redirect;
        this.proxies = proxies;
    }

    /** The port it listens on (the one it found with {@code tandem.redirect.port: 0}), -1 when it does not. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tandem-redirect-accept"),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("tandem-redirect"),
                NioIoHandler.newFactory());
        try {
            server = new ServerBootstrap().group(acceptor, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new ReadTimeoutHandler(IDLE_SECONDS),
                                    new HttpServerCodec(MAX_HEADER_BYTES, MAX_HEADER_BYTES, 8192),
                                    new HttpServerKeepAliveHandler(), new Handler());
                        }
                    })
                    .bind(requestedPort).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Redirect listener: interrupted while binding port " + requestedPort, e);
        } catch (RuntimeException e) {
            shutDownGroups();
            throw e;
        }
        port = ((InetSocketAddress) server.localAddress()).getPort();
        log.info("Redirect listener on port {} ({} event-loop threads, NIO)", port, threads);
    }

    /** Stops accepting, lets the requests in progress finish (up to 5 s), then stops its threads. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        server = null;
        port = -1;
        shutDownGroups();
        log.info("Redirect listener stopped");
    }

    private void shutDownGroups() {
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** With the web server, after the click writer (phase 0): it starts after the writer and stops before it flushes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** One per connection: who is at the other end is worked out once, not for each request. */
    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {

        private String peer;
        private boolean peerTrusted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            peer = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
            peerTrusted = proxies.trusts(peer);
            super.channelActive(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (!(message instanceof HttpRequest request)) {
                return; // a request body: nothing here reads one
            }
            if (request.decoderResult().isFailure()) {
                FullHttpResponse bad = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
                bad.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
                ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String uri = pathAndQuery(request.uri());
            int question = uri.indexOf('?');
            String path = question < 0 ? uri : uri.substring(0, question);
            String query = question < 0 ? null : uri.substring(question + 1);
            HttpHeaders headers = request.headers();
            TrustedProxies.Client client = proxies.resolve(peer, peerTrusted, headers::getAll);
            Redirect.Response answer = redirect.handle(request.method().name(), path, query, headers::get,
                    client.address(), client.secure());

            byte[] body = answer.body();
            boolean head = HttpMethod.HEAD.equals(request.method());
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()),
                    body == null || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            HttpHeaders out = response.headers();
            String[] pairs = answer.headers();
            for (int i = 0; i < pairs.length; i += 2) {
                out.add(pairs[i], pairs[i + 1]);
            }
            out.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
            ctx.writeAndFlush(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Redirect listener: connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    /** The origin-form of a request target: an absolute-form one ("http://host/r/x") loses its scheme and host. */
    private static String pathAndQuery(String uri) {
        if (uri.startsWith("/")) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        int slash = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
