package vn.sen.files;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FileProperties.class)
class FilesConfiguration {

    @Bean
    BlobStorage blobStorage(FileProperties properties) throws IOException {
        Path dir = Path.of(properties.dir());
        return switch (properties.storage()) {
            case FILESYSTEM -> new FilesystemStorage(dir);
            case S3 -> new S3Storage(properties.s3(), dir);
        };
    }
}
