package io.tanxin;

import java.util.Arrays;
import java.util.TimeZone;

import io.tanxin.operations.OperatorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the platform, or with a first argument naming an operator command ({@code recompute}, ...)
 * runs that command against the same database without the web server and exits.
 */
@SpringBootApplication
public class TanxinApplication {

    public static void main(String[] args) {
        // periods and deadlines are Shanghai time whatever the host says (DESIGN §4)
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        if (args.length > 0 && "verify".equals(args[0])) {
            // offline: needs the public key and the files, never the database
            System.exit(io.tanxin.evidence.OfflineVerifier.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && OperatorCommands.isCommand(args[0])) {
            SpringApplication app = new SpringApplicationBuilder(TanxinApplication.class)
                    .web(WebApplicationType.NONE).build();
            ConfigurableApplicationContext context = app.run(args);
            int exit = context.getBean(OperatorCommands.class).run(args[0], Arrays.copyOfRange(args, 1, args.length));
            System.exit(SpringApplication.exit(context, () -> exit));
        }
        SpringApplication.run(TanxinApplication.class, args);
    }
}
