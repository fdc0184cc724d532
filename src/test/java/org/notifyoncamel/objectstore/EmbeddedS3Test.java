package org.notifyoncamel.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.notifyoncamel.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded S3Proxy speaks S3 to the AWS SDK client and to camel-aws2-s3, and keeps objects as files on disk
 * (its filesystem backend), so nothing about object storage is faked in development and tests (ADR 0110).
 */
@IntegrationTest
class EmbeddedS3Test {

    @Autowired
    ObjectStore store;

    @Autowired
    ProducerTemplate camel;

    @Value("${notify.letters.buckets.letters-pdf}")
    String bucket;

    @Value("${notify.objectstore.embedded-directory}")
    String directory;

    @Test
    void objectsPutThroughTheSdkAreReadListedSizedAndDeleted() {
        String prefix = "objectstore-test/" + UUID.randomUUID() + "/";
        byte[] pdf = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);
        store.put(bucket, prefix + "A.PDF", pdf, "application/pdf");
        store.put(bucket, prefix + "B.PDF", new byte[200_000], "application/pdf");

        assertThat(store.get(bucket, prefix + "A.PDF")).hasValue(pdf);
        assertThat(store.size(bucket, prefix + "B.PDF")).hasValue(200_000L);
        assertThat(store.list(bucket, prefix)).extracting(ObjectStore.Entry::key).containsExactly(prefix + "A.PDF", prefix + "B.PDF");
        assertThat(Files.exists(Path.of(directory, bucket, prefix + "A.PDF"))).as("a file under the backend directory").isTrue();

        store.delete(bucket, prefix + "A.PDF");
        assertThat(store.get(bucket, prefix + "A.PDF")).isEmpty();
        assertThat(store.size(bucket, prefix + "A.PDF")).isEmpty();
    }

    @Test
    void camelAws2S3EndpointsUseTheSameClientAndServer() {
        String key = "objectstore-test/" + UUID.randomUUID() + ".txt";
        camel.sendBodyAndHeader("aws2-s3://" + bucket + "?amazonS3Client=#notifyS3Client", "hello", "CamelAwsS3Key", key);
        assertThat(store.get(bucket, key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("hello"));

        Object read = camel.requestBodyAndHeader("aws2-s3://" + bucket + "?amazonS3Client=#notifyS3Client&operation=getObject",
                null, "CamelAwsS3Key", key);
        assertThat(camel.getCamelContext().getTypeConverter().convertTo(String.class, read)).isEqualTo("hello");
    }
}
