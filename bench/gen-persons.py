#!/usr/bin/env python3
"""gen-persons.py N OUT.csv - a synthetic persons CSV for the import benchmark.

The header is the one `hoso import persons` documents; names are drawn from
common Kinh, Thái and Mông parts; identifiers are unique but not sequential
(as in real files, so index inserts land all over the b-trees).  Every
row is valid: the benchmark measures the happy path.  Deterministic.
"""
import random
import sys

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Quàng",
          "Lường", "Cà", "Tòng", "Giàng", "Vàng", "Sùng", "Mùa", "Thào", "Lý", "Hờ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "A", "Seo", "Ngọc", "Hữu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hòa", "Hoà", "Hùng", "Huy", "Lan", "Mai",
         "Muôn", "Pánh", "Xiêng", "Vảng", "Dình", "Chá", "Mỷ", "Thủy", "Quý", "Kỳ", "Yến"]


def main():
    n = int(sys.argv[1])
    rnd = random.Random(20251124)
    perm = list(range(n))
    rnd.shuffle(perm)
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
        f.write("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số lý lịch,Số thẻ đảng viên,"
                "Ngày vào Đảng,Ngày chính thức,Mã tổ chức,Quê quán,Nơi ở hiện nay\n")
        for i in range(n):
            k = perm[i]
            by = rnd.randint(1950, 2000)
            ay = by + rnd.randint(19, 24)
            f.write(f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)},"
                    f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{by},"
                    f"{rnd.choice(('Nam', 'Nữ'))},011{k:09d},{k % 1000000:06d}"
                    f"{'DB' if k < 1000000 else 'LC'},{10000000 + k},"
                    f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{ay},"
                    f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{ay + 1},"
                    f"C{k % 50 + 1},Xã Mường Phăng,Bản Phăng\n")


if __name__ == "__main__":
    main()
