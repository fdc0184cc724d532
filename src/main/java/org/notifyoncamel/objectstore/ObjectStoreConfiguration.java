package org.notifyoncamel.objectstore;

import java.net.URI;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one S3 client of the process ({@code notifyS3Client}): camel-aws2-s3 endpoints name it with
 * {@code amazonS3Client=#notifyS3Client} and {@link ObjectStore} wraps it. With an endpoint override (the
 * embedded S3Proxy in development and tests) it uses path-style URLs and computes checksums only where S3
 * requires them, as S3Proxy does not accept the SDK's default CRC trailers (ADR 0110).
 */
@Configuration(proxyBeanMethods = false)
public class ObjectStoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    S3Client notifyS3Client(@Value("${notify.aws.region}") String region,
                            @Value("${notify.objectstore.endpoint:}") String endpoint,
                            @Value("${notify.objectstore.use-default-credentials}") boolean defaultCredentials,
                            @Value("${notify.objectstore.access-key:}") String accessKey,
                            @Value("${notify.objectstore.secret-key:}") String secretKey) {
        S3ClientBuilder builder = S3Client.builder();
        if (!endpoint.isBlank()) {
            // S3Proxy's filesystem backend refuses location constraints other than us-east-1
            builder.endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        } else {
            builder.region(Region.of(region));
        }
        builder.credentialsProvider(defaultCredentials
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }

    @Bean
    ObjectStore objectStore(S3Client notifyS3Client,
                            @Value("${notify.objectstore.create-buckets}") boolean createBuckets,
                            @Value("${notify.objectstore.buckets-to-create:}") String bucketsToCreate) {
        ObjectStore store = new ObjectStore(notifyS3Client);
        if (createBuckets) {
            Arrays.stream(bucketsToCreate.split(",")).map(String::trim).filter(b -> !b.isEmpty()).distinct()
                    .forEach(bucket -> {
                        store.ensureBucket(bucket);
                        LOG.debug("bucket {} ready", bucket);
                    });
        }
        return store;
    }
}
