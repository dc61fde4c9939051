package io.tanxin.reporting.report;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, where {@code logging.level.com.openhtmltopdf} applies. By
 * default it writes through a java.util.logging console handler of its own, unfiltered: ten lines
 * per PDF (fonts loaded, stylesheet timings, CSS properties it does not know), each written
 * under a lock. The library's openhtmltopdf-slf4j module does the same, but our registry does
 * not serve it.
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlToPdfLogging)) {
            XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            logger.info(msg, th);
        } else if (l >= Level.FINE.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are set in the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int l = diagnostic.getLevel().intValue();
        if (l >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        } else if (l >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        } else if (l >= Level.INFO.intValue()) {
            return logger.isInfoEnabled();
        } else if (l >= Level.FINE.intValue()) {
            return logger.isDebugEnabled();
        }
        return logger.isTraceEnabled();
    }
}
