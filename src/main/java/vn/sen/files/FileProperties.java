package vn.sen.files;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings.
 *
 * @param dir where the filesystem storage keeps blobs, and where every storage keeps its temporary
 *     and partial files
 * @param maxSize largest accepted file
 * @param extensions accepted file name extensions (lower case, without the dot)
 * @param storage where blobs live: {@code filesystem} (default) or {@code s3}
 * @param s3 the S3-compatible object store, when {@code storage} is {@code s3}
 */
@ConfigurationProperties("sen.files")
record FileProperties(
        @DefaultValue("./data/files") String dir,
        @DefaultValue("2GB") DataSize maxSize,

        @DefaultValue({
            "pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "pptx", "png", "jpg", "jpeg", "tif", "tiff", "zip",
            "xml", "txt"
        })
        List<String> extensions,

        @DefaultValue("filesystem") Storage storage,
        @DefaultValue S3 s3) {

    enum Storage {
        FILESYSTEM,
        S3
    }

    /**
     * An S3-compatible object store (MinIO, Ceph, S3Proxy, AWS S3, Viettel/VNPT object storage).
     *
     * @param endpoint the store's URL, e.g. {@code http://minio.tinh.gov.vn:9000}
     * @param region the signing region (most compatible stores accept any)
     * @param bucket the bucket; created at start-up when missing
     * @param accessKey the access key
     * @param secretKey the secret key
     * @param pathStyle {@code true} for {@code endpoint/bucket/key} addressing (what most on-premises
     *     stores expect), {@code false} for {@code bucket.endpoint/key}
     * @param partSize files larger than this go up in parts of this size (at least 5 MB)
     */
    record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("sen-files") String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("64MB") DataSize partSize) {}
}
