package dev.tandem.tracking.web;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.tandem.web.ListenerRoute;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ReferenceCountUtil;
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
 *
 * <p>It also answers the {@link ListenerRoute}s other modules give it (POST /api/v1/events): their
 * whole body is read (up to the route's limit, else 413; a client waiting for {@code 100 Continue} is
 * only told to send a body its declared length allows), then the route runs on a bounded pool of
 * worker threads ({@code tandem.redirect.workers}), never on an event loop, as it may wait for the
 * database; its answer is written back on the connection's event loop. A connection carries one
 * request at a time: what arrives meanwhile (pipelining) waits, in order, until that answer is written.
 */
public final class RedirectListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectListener.class);
    /** Request line and headers each, as Tomcat's default 8 KB. */
    private static final int MAX_HEADER_BYTES = 8192;
    /** A connection that sends nothing for this long is closed, as Tomcat's keep-alive timeout (20 s). */
    private static final int IDLE_SECONDS = 20;
    /** Requests waiting for a worker; more are answered 503 at once. */
    private static final int WORKER_QUEUE = 4096;
    /** How long {@link #stop} waits for the routes' requests in progress. */
    private static final int STOP_WAIT_SECONDS = 10;
    /**
     * A body over a route's limit but at most this long is read and thrown away, then answered 413 on a
     * connection that stays open (as Tomcat's maxSwallowSize). Answering and closing at once while the client
     * is still sending makes the kernel reset the connection, and the client may lose the 413.
     */
    private static final long SWALLOW_BYTES = 2L * 1024 * 1024;
    /**
     * Longer bodies are answered at once, and the connection is closed once the body has arrived, or this long
     * after the answer. Not sooner, and not half-closed: a client still sending takes the end of the connection
     * for a failure and drops the answer it has (Java's HttpClient does, one request in a few).
     */
    private static final int LINGER_SECONDS = 5;

    private final int requestedPort;
    private final Redirect redirect;
    private final TrustedProxies proxies;
    private final List<ListenerRoute> routes;
    private final int workerThreads;
    private ThreadPoolExecutor routeWorkers;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel server;
    private volatile int port = -1;

    /**
     * @param port 0: any free port (tests)
     * @param routes the other requests it answers besides the redirect
     * @param workerThreads threads running the routes
     */
    RedirectListener(int port, Redirect redirect, TrustedProxies proxies, List<ListenerRoute> routes,
            int workerThreads) {
        this.requestedPort = port;
        this.redirect = redirect;
        this.proxies = proxies;
        this.routes = List.copyOf(routes);
        this.workerThreads = workerThreads;
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
        routeWorkers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), new DefaultThreadFactory("tandem-listener-worker"));
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
        log.info("Redirect listener on port {} ({} event-loop threads, NIO; {} worker threads for {})", port, threads,
                workerThreads, routes.stream().map(r -> r.method() + " " + r.path()).toList());
    }

    /**
     * Stops accepting, lets the routes' requests in progress finish (up to 10 s) and be answered, the
     * redirects in progress finish (up to 5 s), then stops its threads.
     */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        server = null;
        port = -1;
        routeWorkers.shutdown();
        try {
            if (!routeWorkers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Redirect listener: requests still running after {} s are abandoned", STOP_WAIT_SECONDS);
                routeWorkers.shutdownNow();
            }
        } catch (InterruptedException e) {
            routeWorkers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        shutDownGroups();
        log.info("Redirect listener stopped");
    }

    private void shutDownGroups() {
        routeWorkers.shutdownNow();
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

    /**
     * One per connection: who is at the other end is worked out once, not for each request. A route's
     * request is collected here, then answered by a worker; until its answer is written, what else
     * arrives on the connection waits in {@code waiting}, in order.
     */
    private final class Handler extends ChannelInboundHandlerAdapter {

        private String peer;
        private boolean peerTrusted;
        /** The route whose request's body is being read, or null. */
        private ListenerRoute route;
        private HttpRequest routed;
        /** What is kept of the route's body; null once it is over the route's limit (read on and dropped). */
        private ByteArrayOutputStream body;
        /** Bytes of the route's body so far, kept or dropped. */
        private long received;
        /** A 413 answered before the body was read: everything that still arrives is dropped, then it closes. */
        private ChannelFuture refused;
        /** A worker has the request: nothing else is handled until its answer is written. */
        private boolean answering;
        private final ArrayDeque<Object> waiting = new ArrayDeque<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            peer = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
            peerTrusted = proxies.trusts(peer);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (answering) {
                waiting.add(message);
                return;
            }
            try {
                handle(ctx, message);
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
            super.channelInactive(ctx);
        }

        private void handle(ChannelHandlerContext ctx, Object message) {
            if (refused != null) {
                closeAtBodyEnd(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    FullHttpResponse bad = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.BAD_REQUEST);
                    bad.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
                    ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                String uri = pathAndQuery(request.uri());
                int question = uri.indexOf('?');
                String path = question < 0 ? uri : uri.substring(0, question);
                ListenerRoute to = route(request.method().name(), path);
                if (to == null) {
                    continueIfExpected(ctx, request);
                    redirect(ctx, request, path, question < 0 ? null : uri.substring(question + 1));
                } else {
                    long declared = HttpUtil.getContentLength(request, -1L);
                    if (declared > swallowed(to)
                            || declared > to.maxBodyBytes() && HttpUtil.is100ContinueExpected(request)) {
                        refuse(ctx, to);
                    } else {
                        continueIfExpected(ctx, request);
                        // a declared length over the limit is read and dropped like an undeclared one: 413 at its end
                        route = to;
                        routed = request;
                        received = 0;
                        body = declared > to.maxBodyBytes() ? null : new ByteArrayOutputStream();
                    }
                }
            }
            if (message instanceof HttpContent content && route != null) {
                int readable = content.content().readableBytes();
                received += readable;
                if (body != null && received <= route.maxBodyBytes()) {
                    body.write(ByteBufUtil.getBytes(content.content()), 0, readable);
                } else {
                    body = null;
                }
                if (received > swallowed(route)) {
                    // an undeclared length that goes on and on: no longer read to its end before answering
                    ListenerRoute to = route;
                    route = null;
                    routed = null;
                    refuse(ctx, to);
                    closeAtBodyEnd(content);
                } else if (content instanceof LastHttpContent) {
                    dispatch(ctx);
                }
            }
        }

        /** How much of a body over the route's limit is read and dropped before the 413 (see SWALLOW_BYTES). */
        private static long swallowed(ListenerRoute to) {
            return Math.max(to.maxBodyBytes(), SWALLOW_BYTES);
        }

        /**
         * 100 Continue for a client that sent {@code Expect: 100-continue} and waits for it before sending its
         * body, written when its request's turn comes rather than as it arrives (ahead of answers still owed on
         * the connection, as Netty's HttpServerExpectContinueHandler did). A route's request whose declared body
         * is over the limit never gets it: it is {@link #refuse}d at once and need not send the body. The
         * redirect reads and drops whatever body comes, so its clients are all told to go on.
         */
        private static void continueIfExpected(ChannelHandlerContext ctx, HttpRequest request) {
            if (HttpUtil.is100ContinueExpected(request)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
        }

        /**
         * 413 before the body has been read: the connection ends, but only once the client has sent the rest
         * (read and dropped) or LINGER_SECONDS after the answer, so that the answer is not lost to a reset.
         * It has to end: a client refused before its 100 Continue never sends the body it declared, which the
         * connection would otherwise take for the next request.
         */
        private void refuse(ChannelHandlerContext ctx, ListenerRoute to) {
            FullHttpResponse response = response(to.tooLarge());
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
            // it would close the connection as soon as the answer is written (once per connection: it ends here)
            ctx.pipeline().remove(HttpServerKeepAliveHandler.class);
            refused = ctx.writeAndFlush(response);
            ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
        }

        /** After a {@link #refuse}: the end of the client's body closes the connection, once the 413 is written. */
        private void closeAtBodyEnd(Object message) {
            if (message instanceof LastHttpContent) {
                refused.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private ListenerRoute route(String method, String path) {
            for (ListenerRoute r : routes) {
                if (r.path().equals(path) && r.method().equals(method)) {
                    return r;
                }
            }
            return null;
        }

        private void dispatch(ChannelHandlerContext ctx) {
            ListenerRoute to = route;
            HttpRequest request = routed;
            byte[] bytes = body == null ? null : body.toByteArray();
            route = null;
            routed = null;
            body = null;
            if (bytes == null) {
                ctx.writeAndFlush(response(to.tooLarge()));
                return;
            }
            HttpHeaders headers = request.headers();
            boolean secure = proxies.resolve(peer, peerTrusted, headers::getAll).secure();
            ListenerRoute.Request call = new ListenerRoute.Request(request.method().name(), to.path(), headers::get,
                    headers::getAll, bytes, secure);
            answering = true;
            ctx.channel().config().setAutoRead(false);
            try {
                routeWorkers.execute(() -> {
                    ListenerRoute.Answer answer;
                    try {
                        answer = to.answer(call);
                    } catch (RuntimeException | Error e) {
                        log.error("Redirect listener: {} {} failed", call.method(), call.path(), e);
                        ctx.executor().execute(ctx::close);
                        return;
                    }
                    ctx.executor().execute(() -> answered(ctx, answer));
                });
            } catch (RejectedExecutionException busy) {
                FullHttpResponse unavailable = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.SERVICE_UNAVAILABLE);
                unavailable.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.RETRY_AFTER, 1)
                        .set(HttpHeaderNames.CONNECTION, "close");
                ctx.writeAndFlush(unavailable).addListener(ChannelFutureListener.CLOSE);
            }
        }

        /** On the event loop: writes the worker's answer, then handles what waited, in order. */
        private void answered(ChannelHandlerContext ctx, ListenerRoute.Answer answer) {
            answering = false;
            ctx.writeAndFlush(response(answer));
            while (!answering && !waiting.isEmpty()) {
                Object next = waiting.poll();
                try {
                    handle(ctx, next);
                } finally {
                    ReferenceCountUtil.release(next);
                }
            }
            if (!answering) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        private void redirect(ChannelHandlerContext ctx, HttpRequest request, String path, String query) {
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

    private static FullHttpResponse response(ListenerRoute.Answer answer) {
        byte[] body = answer.body();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders out = response.headers();
        List<String> pairs = answer.headers();
        for (int i = 0; i < pairs.size(); i += 2) {
            out.add(pairs.get(i), pairs.get(i + 1));
        }
        out.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        return response;
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
