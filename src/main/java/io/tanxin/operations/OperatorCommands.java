package io.tanxin.operations;

import java.io.PrintStream;
import java.util.Set;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.CarbonAccountsRecomputed;
import org.springframework.stereotype.Component;

/** Commands an operator runs from the jar; each prints what it did and returns an exit code. */
@Component
public class OperatorCommands {

    private static final Set<String> COMMANDS = Set.of("recompute");

    private final AccountingManagement accounting;

    OperatorCommands(AccountingManagement accounting) {
        this.accounting = accounting;
    }

    public static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    public int run(String command, String[] args) {
        PrintStream out = System.out;
        if ("verify".equals(command)) return io.tanxin.evidence.OfflineVerifier.main(args); // offline: no database needed
        if ("recompute".equals(command)) {
            CarbonAccountsRecomputed result = accounting.recomputeAll();
            out.printf("recompute: %d enterprise-month runs stored (%d not computable) in %d ms (%.0f runs/s)%n",
                    result.runs(), result.notComputable(), result.millis(),
                    result.runs() * 1000.0 / Math.max(1, result.millis()));
            return 0;
        }
        out.println("unknown command " + command);
        return 2;
    }
}
