package org.notifyoncamel.objectstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Object storage as Notify uses S3 (notifications-api app/letters/utils.py): whole objects put, read, checked and
 * listed by key.
 * The same calls go to AWS S3 in production and to the embedded S3Proxy in development and tests (ADR 0110).
 * Routes name their S3 hops as camel-aws2-s3 endpoints over the same client; this bean serves the Java code
 * that needs a listing or a HEAD (the print run) and future users such as CSV job files.
 */
public class ObjectStore {

    /** An object's key and size in bytes. */
    public record Entry(String key, long size) {
    }

    private final S3Client s3;

    public ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    public void put(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /** Puts the object with user metadata (S3 {@code x-amz-meta-*}; every value a string), as CSV job files carry. */
    public void put(String bucket, String key, byte[] content, String contentType, java.util.Map<String, String> metadata) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).metadata(metadata), RequestBody.fromBytes(content));
    }

    /** The object's user metadata, or empty when there is no such key. */
    public Optional<java.util.Map<String, String>> metadata(String bucket, String key) {
        return head(bucket, key).map(HeadObjectResponse::metadata);
    }

    public Optional<byte[]> get(String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object's size, or empty when there is no such key. */
    public Optional<Long> size(String bucket, String key) {
        return head(bucket, key).map(HeadObjectResponse::contentLength);
    }

    private Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** Every key under {@code prefix}, in key order, following continuation tokens. */
    public List<Entry> list(String bucket, String prefix) {
        List<Entry> entries = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            for (S3Object object : page.contents()) {
                entries.add(new Entry(object.key(), object.size()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return entries;
    }

    /** Creates the bucket when it is missing (development and tests; production buckets are provisioned). */
    public void ensureBucket(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }
}
