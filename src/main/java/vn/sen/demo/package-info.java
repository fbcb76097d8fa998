/**
 * Demo province (tỉnh mẫu): a realistic post-2025 province — the People's Committee and its office,
 * departments with divisions, about a hundred communes, the People's Council and some 3,000 officers
 * with Vietnamese names — with a demo login per role; {@code --scale N} grows it to N accounts for
 * benchmarks. Loaded into an empty database on first start, or by {@code sen demo-data}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "identity", "documents", "search", "meetings"})
package vn.sen.demo;
