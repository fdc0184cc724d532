package org.notifyoncamel.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.notifyoncamel.queues.TaskMessages;
import org.springframework.beans.factory.annotation.Autowired;

/** What every {@link RouteLevelTest} uses: the context, a producer to send the one exchange, and the task reader. */
abstract class RouteLevelTestSupport {

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    TaskMessages tasks;
}
