package io.tanxin.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat copies a response into its connection's write buffer and writes the socket each time the
 * buffer is full: 8 KB by default, so a 50 KB credit report took seven system calls, which are dear
 * in the virtual machines we run on (socket writes were 7 % of the server's CPU at 32 clients).
 * {@code tanxin.http.write-buffer-kb} (default 64) sets the buffer, allocated once a connection.
 */
@Component
class ResponseWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int kilobytes;

    ResponseWriteBuffer(@Value("${tanxin.http.write-buffer-kb:64}") int kilobytes) {
        if (kilobytes < 1 || kilobytes > 1024) {
            throw new IllegalArgumentException("tanxin.http.write-buffer-kb must be between 1 and 1024");
        }
        this.kilobytes = kilobytes;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(kilobytes * 1024)));
    }
}
