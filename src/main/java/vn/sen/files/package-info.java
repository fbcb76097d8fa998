/**
 * Files (tệp): attachment storage for every module. Content-addressed by SHA-256 (one copy of identical
 * bytes, however often it is attached), streamed in and out with constant memory, checked against its
 * hash on every full read, typed by sniffing the bytes rather than trusting the name.
 *
 * <p>Other modules call {@link vn.sen.files.FileManagement} and decide themselves who may read a file:
 * there is no URL that serves a file by its id alone.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.sen.files;
