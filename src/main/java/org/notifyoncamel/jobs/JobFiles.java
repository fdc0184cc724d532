package org.notifyoncamel.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.notifyoncamel.objectstore.ObjectStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a job's CSV lives (notifications-api app/aws/s3.py; notifications-admin app/s3_client/s3_csv_client.py):
 * bucket {@code CSV_UPLOAD_BUCKET_NAME}, key {@code service-{service_id}-notify/{job_id}.csv}, and the S3 metadata
 * the admin sets on it ({@code template_id}, {@code notification_count}, {@code valid}, {@code original_file_name},
 * {@code sender_id}).
 */
@Component
public class JobFiles {

    private final ObjectStore store;
    private final String bucket;

    public JobFiles(ObjectStore store, @Value("${notify.jobs.bucket}") String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    public static String key(UUID serviceId, UUID jobId) {
        return "service-" + serviceId + "-notify/" + jobId + ".csv";
    }

    public String bucket() {
        return bucket;
    }

    public void upload(UUID serviceId, UUID jobId, String csv, Map<String, String> metadata) {
        store.put(bucket, key(serviceId, jobId), csv.getBytes(StandardCharsets.UTF_8), "text/csv", metadata);
    }

    /** The file's metadata, or empty when there is no file. */
    public Optional<Map<String, String>> metadata(UUID serviceId, UUID jobId) {
        return store.metadata(bucket, key(serviceId, jobId));
    }
}
