package vn.sen.files;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings.
 *
 * @param dir where the filesystem storage keeps blobs (and its temporary files)
 * @param maxSize largest accepted file
 * @param extensions accepted file name extensions (lower case, without the dot)
 */
@ConfigurationProperties("sen.files")
record FileProperties(
        @DefaultValue("./data/files") String dir,
        @DefaultValue("2GB") DataSize maxSize,

        @DefaultValue({
            "pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "pptx", "png", "jpg", "jpeg", "tif", "tiff", "zip",
            "xml", "txt"
        })
        List<String> extensions) {}
