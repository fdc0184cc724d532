package org.notifyoncamel.commands;

import java.io.PrintStream;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.PluginHelper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code collate-letter-pdfs}: runs today's print run now (notifications-api app/celery/letters_pdf_tasks.py), through
 * the same route the 17:50
 * schedule uses ({@code collate-letter-pdfs} in routes/letters-dvla.camel.yaml, loaded for this command alone):
 * letters still created before today's 17:30 deadline are zipped, uploaded to DVLA over SFTP and marked sending.
 */
@Component
public class CollateLetterPdfsCommand implements NotifyCommand {

    static final String ROUTES = "classpath:routes/letters-dvla.camel.yaml";

    private final CamelContext camel;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    public CollateLetterPdfsCommand(CamelContext camel) {
        this(camel, System.out, System.err);
    }

    CollateLetterPdfsCommand(CamelContext camel, PrintStream out, PrintStream err) {
        this.camel = camel;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "collate-letter-pdfs";
    }

    @Override
    public String help() {
        return """
                Usage: command collate-letter-pdfs
                  Runs today's letter print run now: letters still created before 17:30 London are zipped per postage
                  class and service, uploaded to DVLA (FTP_HOST, FTP_USERNAME, FTP_PASSWORD) and marked sending.
                  --help   show this message""";
    }

    @Override
    public int run(String[] options) {
        if (options.length > 0) {
            err.println("Unexpected options " + List.of(options) + "\n" + help());
            return 2;
        }
        try {
            if (camel.getRoute("collate-letter-pdfs") == null) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource(ROUTES));
            }
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                Object zips = producer.requestBody("direct:collate-letter-pdfs", (Object) null);
                out.println("print run done: " + (zips instanceof List<?> list ? list.size() : 0) + " zip files sent to DVLA");
            }
            return 0;
        } catch (Exception e) {
            err.println("print run failed: " + e.getClass().getSimpleName());
            return 1;
        }
    }
}
