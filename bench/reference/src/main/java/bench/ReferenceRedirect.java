package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The floor for /r/{slug}: slugs from a file, all to one destination, answered from a HashMap
 * with 302 and Location on keep-alive connections. No click, no cookie, no signature.
 * Usage: java -jar reference.jar PORT SLUGS_FILE DESTINATION
 */
public final class ReferenceRedirect {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String> slugs = Files.readAllLines(Path.of(args[1]));
        Map<String, String> targets = new HashMap<>(slugs.size() * 2);
        for (String slug : slugs) {
            targets.put(slug.toLowerCase(Locale.ROOT), args[2]);
        }
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                    new HttpObjectAggregator(8192), new Handler(targets));
                        }
                    })
                    .bind(port).sync().channel().closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<HttpRequest> {
        private final Map<String, String> targets;

        Handler(Map<String, String> targets) {
            this.targets = targets;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            String target = path.startsWith("/r/") ? targets.get(path.substring(3).toLowerCase(Locale.ROOT)) : null;
            FullHttpResponse response;
            if (target == null) {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
            } else {
                response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND);
                response.headers().set(HttpHeaderNames.LOCATION, query < 0 ? target : target + "?" + uri.substring(query + 1));
            }
            HttpUtil.setContentLength(response, 0);
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            if (HttpUtil.isKeepAlive(request)) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
