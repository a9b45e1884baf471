package dev.tandem.tracking;

/** Every test of {@link RedirectClicksTest}, against the redirect's own Netty listener instead of Tomcat. */
class ListenerRedirectClicksTest extends RedirectClicksTest {

    @Override
    int redirectPort() {
        return listener.port();
    }
}
