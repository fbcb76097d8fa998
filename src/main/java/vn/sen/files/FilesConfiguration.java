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
    BlobStorage filesystemStorage(FileProperties properties) throws IOException {
        return new FilesystemStorage(Path.of(properties.dir()));
    }
}
