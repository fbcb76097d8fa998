package vn.sen.demo;

import java.util.Random;

/** Plausible Vietnamese full names, drawn with the real frequency of the commonest family names. */
final class VietnameseNames {

    private static final String[] FAMILY = {
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần", "Lê", "Lê", "Lê",
        "Phạm", "Phạm", "Huỳnh", "Huỳnh", "Hoàng", "Phan", "Võ", "Võ", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Trương", "Đinh", "Lâm", "Châu", "Mai", "Tô", "Thái"
    };
    private static final String[] MALE_MIDDLE = {
        "Văn", "Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Hoàng", "Công", "Trung"
    };
    private static final String[] FEMALE_MIDDLE = {
        "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Diệu"
    };
    private static final String[] MALE_GIVEN = {
        "Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khoa", "Kiên", "Lâm",
        "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Phước", "Quang", "Sang", "Sơn", "Tài", "Tâm", "Thắng",
        "Thành", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh"
    };
    private static final String[] FEMALE_GIVEN = {
        "An", "Anh", "Châu", "Chi", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương",
        "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
        "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến"
    };

    private final Random random;

    VietnameseNames(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        boolean female = random.nextBoolean();
        String family = pick(FAMILY);
        String middle = pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = pick(female ? FEMALE_GIVEN : MALE_GIVEN);
        return family + " " + middle + " " + given;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** "Nguyễn Văn Đạt" → "datnv": given name, then the initials of the others, without diacritics. */
    static String username(String fullName) {
        String[] parts = fold(fullName).split(" ");
        var name = new StringBuilder(parts[parts.length - 1]);
        for (int i = 0; i < parts.length - 1; i++) {
            name.append(parts[i].charAt(0));
        }
        return name.toString();
    }

    static String fold(String text) {
        return vn.sen.shared.VietnameseText.fold(text);
    }
}
