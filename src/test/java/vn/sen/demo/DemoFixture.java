package vn.sen.demo;

import org.springframework.stereotype.Component;

/** Loads the demo province once into the test database, so tests work on a realistic organisation. */
@Component
public class DemoFixture {

    private final DemoProvince province;

    DemoFixture(DemoProvince province) {
        this.province = province;
    }

    public synchronized void ensureLoaded() {
        if (province.databaseIsEmpty()) {
            province.build(0);
        }
    }

    public static String demoPassword() {
        return DemoProvince.DEMO_PASSWORD;
    }
}
