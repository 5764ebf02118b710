#!/usr/bin/env python3
"""scangen — synthetic scanned học bạ pages with ground truth.

Every person, ID, school and score produced here is invented (synthetic).
See tools/scangen/README.md for the layouts, the ground-truth format and the knobs.

Usage:
    python3 tools/scangen/scangen.py --out DIR --students N --seed S \
        [--dpi 300] [--variation low|normal|high] [--formats png,jpg,tif,pdf] \
        [--extras blank,other,rot90,rot180,rescan,corrupt|all]
"""
from __future__ import annotations

import argparse
import time
import io
import json
import math
import os
import random
import struct
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

import damage as scan_damage
import families as layouts

GENERATOR_VERSION = "1.0"

# --------------------------------------------------------------------------------------
# Fonts and Vietnamese glyph coverage
# --------------------------------------------------------------------------------------

FONT_DIRS = [
    os.environ.get("SCANGEN_FONT_DIR", ""),
    "/usr/share/fonts/truetype",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
]

# family -> (regular, bold, italic) file names (searched under FONT_DIRS, one level deep)
PRINT_FAMILIES = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    "DejaVu Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    "Liberation Serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                         "LiberationSerif-Italic.ttf"),
    "Liberation Sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                        "LiberationSans-Italic.ttf"),
}
# slanted faces used for the handwritten-style entries (comments, signature names)
HAND_FACES = {
    "DejaVu Serif Italic": "DejaVuSerif-Italic.ttf",
    "DejaVu Serif Condensed Italic": "DejaVuSerifCondensed-Italic.ttf",
    "DejaVu Sans Condensed Oblique": "DejaVuSansCondensed-Oblique.ttf",
    "Liberation Serif Italic": "LiberationSerif-Italic.ttf",
    "Liberation Sans Narrow Italic": "LiberationSansNarrow-Italic.ttf",
}


def vietnamese_letters() -> str:
    """All precomposed Vietnamese letters (5 tones + unmarked), upper and lower, plus đ/Đ."""
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    out = []
    for b in bases:
        for t in tones:
            s = unicodedata.normalize("NFC", b + t)
            assert len(s) == 1, (b, t)
            out.append(s)
            out.append(s.upper())
    out += ["đ", "Đ"]
    return "".join(out)


EXTRA_CHARS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
               " .,:;/-()–…“”\"'!?№°×+")
REQUIRED_CHARS = vietnamese_letters() + EXTRA_CHARS


def font_cmap(path: str) -> set[int]:
    """Code points mapped to a non-zero glyph by the font's Unicode cmap (formats 4 and 12)."""
    with open(path, "rb") as fh:
        data = fh.read()
    num_tables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num_tables):
        tag, _cs, off, ln = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = (off, ln)
    if b"cmap" not in tables:
        return set()
    base = tables[b"cmap"][0]
    _ver, n = struct.unpack(">HH", data[base:base + 4])
    subs = []
    for i in range(n):
        pid, eid, so = struct.unpack(">HHI", data[base + 4 + 8 * i:base + 12 + 8 * i])
        fmt = struct.unpack(">H", data[base + so:base + so + 2])[0]
        if (pid == 3 and eid in (1, 10)) or pid == 0:
            subs.append((0 if fmt == 12 else 1, fmt, base + so))
    subs.sort()
    codes: set[int] = set()
    for _prio, fmt, o in subs:
        if fmt == 12:
            ngroups = struct.unpack(">I", data[o + 12:o + 16])[0]
            for g in range(ngroups):
                s, e, gid = struct.unpack(">III", data[o + 16 + 12 * g:o + 28 + 12 * g])
                if gid:
                    codes.update(range(s, e + 1))
            return codes
        if fmt == 4:
            segx2 = struct.unpack(">H", data[o + 6:o + 8])[0]
            seg = segx2 // 2
            ends = struct.unpack(">%dH" % seg, data[o + 14:o + 14 + segx2])
            starts = struct.unpack(">%dH" % seg, data[o + 16 + segx2:o + 16 + 2 * segx2])
            deltas = struct.unpack(">%dh" % seg, data[o + 16 + 2 * segx2:o + 16 + 3 * segx2])
            ro_pos = o + 16 + 3 * segx2
            ranges = struct.unpack(">%dH" % seg, data[ro_pos:ro_pos + segx2])
            for k in range(seg):
                for c in range(starts[k], ends[k] + 1):
                    if c == 0xFFFF:
                        continue
                    if ranges[k] == 0:
                        gid = (c + deltas[k]) & 0xFFFF
                    else:
                        p = ro_pos + 2 * k + ranges[k] + 2 * (c - starts[k])
                        gid = struct.unpack(">H", data[p:p + 2])[0]
                        if gid:
                            gid = (gid + deltas[k]) & 0xFFFF
                    if gid:
                        codes.add(c)
            return codes
    return codes


def find_font_file(name: str) -> str | None:
    for d in FONT_DIRS:
        if not d or not os.path.isdir(d):
            continue
        p = os.path.join(d, name)
        if os.path.isfile(p):
            return p
        for sub in sorted(os.listdir(d)):
            p = os.path.join(d, sub, name)
            if os.path.isfile(p):
                return p
    return None


def missing_glyphs(path: str, chars: str = REQUIRED_CHARS) -> str:
    cmap = font_cmap(path)
    return "".join(sorted({c for c in chars if c != " " and ord(c) not in cmap}))


def usable_families(table: dict, verbose: bool = False) -> dict:
    """The print families of `table` that are installed and cover every Vietnamese glyph used."""
    fams = {}
    for fam, files in table.items():
        paths = [find_font_file(f) for f in files]
        if not all(paths):
            if verbose:
                print(f"scangen: font family {fam!r} not installed, skipped", file=sys.stderr)
            continue
        bad = [(p, missing_glyphs(p)) for p in paths]
        bad = "".join(sorted({c for _p, m in bad for c in m}))
        if bad:
            if verbose:
                print(f"scangen: font family {fam!r} lacks {len(bad)} required glyphs "
                      f"(e.g. {bad[:12]}), skipped", file=sys.stderr)
            continue
        fams[fam] = tuple(paths)
    return fams


def discover_fonts(verbose: bool = False):
    """Return (print_families, hand_faces) that exist and cover every Vietnamese glyph used."""
    fams = usable_families(PRINT_FAMILIES, verbose)
    hands = {}
    for face, f in HAND_FACES.items():
        p = find_font_file(f)
        if p and not missing_glyphs(p):
            hands[face] = p
    if not fams or not hands:
        raise SystemExit(
            "scangen: no installed font covers all Vietnamese glyphs. Install DejaVu "
            "(fonts-dejavu-core/fonts-dejavu-extra) or Liberation (fonts-liberation), "
            "or set SCANGEN_FONT_DIR.")
    return fams, hands


_FONT_CACHE: dict = {}


def load_font(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    key = (path, size_px)
    f = _FONT_CACHE.get(key)
    if f is None:
        f = ImageFont.truetype(path, size_px, layout_engine=ImageFont.Layout.BASIC)
        _FONT_CACHE[key] = f
    return f


# --------------------------------------------------------------------------------------
# Domain rules
# --------------------------------------------------------------------------------------

def d1(x) -> Decimal:
    """Round half-up to one decimal using Decimal."""
    return Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def year_average(hk1: Decimal, hk2: Decimal) -> Decimal:
    return ((hk1 + 2 * hk2) / Decimal(3)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def is_tt22(grade: int, start_year: int) -> bool:
    """National roadmap: TT22 for grade 6 from 2021-22, 7/10 from 2022-23, 8/11 from 2023-24,
    9/12 from 2024-25; TT58 before."""
    first = {6: 2021, 7: 2022, 10: 2022, 8: 2023, 11: 2023, 9: 2024, 12: 2024}[grade]
    return start_year >= first


# subject code, printed name, scored?
TT22_THCS = [
    ("ngu-van", "Ngữ văn", True), ("toan", "Toán", True), ("ngoai-ngu-1", "Ngoại ngữ 1", True),
    ("gdcd", "Giáo dục công dân", True), ("lich-su-dia-li", "Lịch sử và Địa lí", True),
    ("khtn", "Khoa học tự nhiên", True), ("cong-nghe", "Công nghệ", True),
    ("tin-hoc", "Tin học", True), ("gdtc", "Giáo dục thể chất", False),
    ("nghe-thuat", "Nghệ thuật", False), ("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", False),
    ("gddp", "Nội dung giáo dục của địa phương", False),
]
TT22_THPT_CORE = [
    ("ngu-van", "Ngữ văn", True), ("toan", "Toán", True), ("ngoai-ngu-1", "Ngoại ngữ 1", True),
    ("lich-su", "Lịch sử", True), ("gdtc", "Giáo dục thể chất", False),
    ("gdqp-an", "Giáo dục quốc phòng và an ninh", True),
]
TT22_THPT_TAIL = [
    ("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", False),
    ("gddp", "Nội dung giáo dục của địa phương", False),
]
TT22_THPT_ELECTIVES = [
    ("dia-li", "Địa lí", True), ("gdktpl", "Giáo dục kinh tế và pháp luật", True),
    ("vat-li", "Vật lí", True), ("hoa-hoc", "Hoá học", True), ("sinh-hoc", "Sinh học", True),
    ("cong-nghe", "Công nghệ", True), ("tin-hoc", "Tin học", True),
    ("am-nhac", "Âm nhạc", False), ("mi-thuat", "Mĩ thuật", False),
]
ELECTIVE_COMBOS = [  # realistic tổ hợp (4 electives)
    ["vat-li", "hoa-hoc", "sinh-hoc", "tin-hoc"], ["vat-li", "hoa-hoc", "tin-hoc", "cong-nghe"],
    ["dia-li", "gdktpl", "vat-li", "tin-hoc"], ["dia-li", "gdktpl", "hoa-hoc", "sinh-hoc"],
    ["dia-li", "gdktpl", "am-nhac", "tin-hoc"], ["vat-li", "hoa-hoc", "sinh-hoc", "dia-li"],
    ["dia-li", "gdktpl", "mi-thuat", "cong-nghe"],
]
TT58_THCS = [
    ("toan", "Toán", True), ("vat-li", "Vật lí", True), ("hoa-hoc", "Hoá học", True),
    ("sinh-hoc", "Sinh học", True), ("ngu-van", "Ngữ văn", True), ("lich-su", "Lịch sử", True),
    ("dia-li", "Địa lí", True), ("ngoai-ngu", "Ngoại ngữ", True),
    ("gdcd", "Giáo dục công dân", True), ("cong-nghe", "Công nghệ", True),
    ("the-duc", "Thể dục", False), ("am-nhac", "Âm nhạc", False), ("mi-thuat", "Mĩ thuật", False),
]

LEVEL_ORDER_TT22 = ["CĐ", "Đ", "K", "T"]
CONDUCT_YEAR_TT22 = {  # (HK I, HK II) -> year  (domain.md §2.3)
    ("T", "T"): "T", ("T", "K"): "K", ("T", "Đ"): "K", ("T", "CĐ"): "CĐ",
    ("K", "T"): "T", ("K", "K"): "K", ("K", "Đ"): "Đ", ("K", "CĐ"): "CĐ",
    ("Đ", "T"): "K", ("Đ", "K"): "K", ("Đ", "Đ"): "Đ", ("Đ", "CĐ"): "CĐ",
    ("CĐ", "T"): "K", ("CĐ", "K"): "Đ", ("CĐ", "Đ"): "Đ", ("CĐ", "CĐ"): "CĐ",
}
TT22_WORDS = {"T": "Tốt", "K": "Khá", "Đ": "Đạt", "CĐ": "Chưa đạt"}
TT58_CONDUCT_WORDS = {"T": "Tốt", "K": "Khá", "Tb": "Trung bình", "Y": "Yếu"}
TT58_RANK_WORDS = {"G": "Giỏi", "K": "Khá", "Tb": "Trung bình", "Y": "Yếu", "Kém": "Kém"}


def tt22_learning(scores: list[Decimal], comments: list[str]) -> str:
    """TT22 Điều 9 khoản 2 (no adjustment clause; the generator avoids cases where it applies)."""
    ncd = sum(1 for c in comments if c == "CĐ")
    n = len(scores)
    if ncd == 0 and all(s >= Decimal("6.5") for s in scores) and \
            sum(1 for s in scores if s >= 8) >= min(6, n):
        return "T"
    if ncd == 0 and all(s >= 5 for s in scores) and \
            sum(1 for s in scores if s >= Decimal("6.5")) >= min(6, n):
        return "K"
    if ncd <= 1 and sum(1 for s in scores if s >= 5) >= min(6, n) and \
            all(s >= Decimal("3.5") for s in scores):
        return "Đ"
    return "CĐ"


def tt58_rank(avg: Decimal, scored: dict[str, Decimal], comments: list[str], tt26: bool) -> str:
    keys = ["toan", "ngu-van"] + (["ngoai-ngu"] if tt26 else [])
    key = max(scored[k] for k in keys)
    vals = list(scored.values())
    alld = all(c == "Đ" for c in comments)
    if avg >= 8 and key >= 8 and min(vals) >= Decimal("6.5") and alld:
        return "G"
    if avg >= Decimal("6.5") and key >= Decimal("6.5") and min(vals) >= 5 and alld:
        return "K"
    if avg >= 5 and key >= 5 and min(vals) >= Decimal("3.5") and alld:
        return "Tb"
    if avg >= Decimal("3.5") and min(vals) >= 2:
        return "Y"
    return "Kém"


def tt58_rank_by_average(avg: Decimal) -> str:
    return "G" if avg >= 8 else "K" if avg >= Decimal("6.5") else "Tb" if avg >= 5 else \
        "Y" if avg >= Decimal("3.5") else "Kém"


RANK58 = ["Kém", "Y", "Tb", "K", "G"]


def fmt_score(v: Decimal, ten_style: str) -> str:
    if v == 10:
        return "10" if ten_style == "10" else "10,0"
    return str(v).replace(".", ",")


# --------------------------------------------------------------------------------------
# Synthetic people and schools (all invented)
# --------------------------------------------------------------------------------------

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Tạ"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Gia", "Tuấn", "Xuân", "Đăng"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Khánh", "Bảo", "Phương", "Mỹ", "Diệu", "Hồng"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hoàng", "Huy", "Khoa", "Kiên",
           "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh",
           "Đạt", "Đông", "Lộc", "Khải", "Nghĩa", "Quyết", "Tùng", "Vượng"]
GIVEN_F = ["Anh", "Chi", "Diệp", "Giang", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai",
           "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vy", "Yến",
           "Ánh", "Ngọc", "Hoà", "Thuý", "Tuyết", "Ỷ Lan", "Hạnh", "Huyền"]
ETHNICITIES = ["Kinh"] * 12 + ["Tày", "Thái", "Mường", "Nùng", "Hoa", "Khơ-me", "Ê-đê"]
OCCUPATIONS = ["Công nhân", "Nông dân", "Giáo viên", "Kinh doanh", "Kỹ sư", "Bác sĩ",
               "Nhân viên văn phòng", "Lái xe", "Buôn bán", "Nội trợ", "Thợ may", "Cán bộ",
               "Điều dưỡng", "Kế toán", "Thợ điện", "Tự do"]
# province code -> (name for addresses, place-name for the date line, districts, wards)
PROVINCES = {
    "001": ("TP. Hà Nội", "Hà Nội", ["quận Ba Đình", "quận Cầu Giấy", "huyện Đông Anh",
                                      "quận Hoàng Mai", "huyện Gia Lâm"],
            ["phường Ngọc Hà", "phường Dịch Vọng", "xã Uy Nỗ", "phường Định Công", "xã Dương Xá"]),
    "036": ("tỉnh Nam Định", "Nam Định", ["TP. Nam Định", "huyện Hải Hậu", "huyện Ý Yên"],
            ["phường Lộc Vượng", "xã Hải Bắc", "xã Yên Thọ"]),
    "037": ("tỉnh Ninh Bình", "Ninh Bình", ["TP. Ninh Bình", "huyện Yên Khánh", "huyện Kim Sơn"],
            ["phường Đông Thành", "xã Khánh Cư", "xã Kim Chính"]),
    "038": ("tỉnh Thanh Hóa", "Thanh Hóa", ["TP. Thanh Hóa", "huyện Quảng Xương", "thị xã Bỉm Sơn"],
            ["phường Điện Biên", "xã Quảng Đức", "phường Ba Đình"]),
    "079": ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh", ["quận 3", "quận Gò Vấp", "TP. Thủ Đức",
                                                    "huyện Củ Chi"],
            ["phường Võ Thị Sáu", "phường 17", "phường Linh Trung", "xã Tân Thạnh Đông"]),
    "048": ("TP. Đà Nẵng", "Đà Nẵng", ["quận Hải Châu", "quận Sơn Trà"],
            ["phường Thạch Thang", "phường An Hải Bắc"]),
    "040": ("tỉnh Nghệ An", "Nghệ An", ["TP. Vinh", "huyện Diễn Châu"],
            ["phường Hưng Bình", "xã Diễn Kỷ"]),
}
SCHOOL_PATRONS = ["Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Chu Văn An", "Lương Thế Vinh",
                  "Nguyễn Trãi", "Hoàng Hoa Thám", "Lý Thường Kiệt", "Phan Bội Châu",
                  "Nguyễn Huệ", "Đoàn Thị Điểm", "Trưng Vương", "Hai Bà Trưng", "Ngô Sĩ Liên",
                  "Võ Thị Sáu", "Lê Hồng Phong", "Nguyễn Khuyến", "Yên Hoà", "Quang Trung"]
STREETS = ["Hoàng Diệu", "Lạc Long Quân", "Điện Biên Phủ", "Nguyễn Văn Cừ", "Lê Lợi",
           "Trần Hưng Đạo", "Phạm Văn Đồng", "Quốc lộ 1A", "Bà Triệu", "Hùng Vương"]
HOMEROOM_COMMENTS = [
    "Ngoan, lễ phép, có ý thức học tập tốt.",
    "Chăm chỉ, tích cực tham gia hoạt động của lớp.",
    "Hoà đồng với bạn bè, tiến bộ rõ rệt trong học tập.",
    "Có năng lực tự học, trung thực, có trách nhiệm.",
    "Cần cố gắng hơn, chú ý rèn luyện tính tự giác.",
    "Năng nổ, nhiệt tình, học lực khá vững.",
    "Đi học đều, tiếp thu bài nhanh, cần mạnh dạn hơn.",
]
SUBJECT_COMMENTS = ["Có tiến bộ", "Học tốt", "Chăm chỉ", "Cần cố gắng", "Tích cực",
                    "Hiểu bài", "Tiến bộ rõ", "Khá vững"]


def person_name(rng: random.Random, male: bool, surname: str | None = None) -> str:
    sur = surname or rng.choice(SURNAMES)
    mid = rng.choice(MIDDLE_M if male else MIDDLE_F)
    given = rng.choice(GIVEN_M if male else GIVEN_F)
    return f"{sur} {mid} {given}"


def make_school(rng: random.Random, level: str, prov_code: str) -> dict:
    pname, place, districts, _w = PROVINCES[prov_code]
    district = rng.choice(districts)
    patron = rng.choice(SCHOOL_PATRONS)
    short = f"Trường {level} {patron}"
    return {"name": short, "district": district, "province": pname, "place": place,
            "full": f"{short}, {district}, {pname}"}


# --------------------------------------------------------------------------------------
# Student model
# --------------------------------------------------------------------------------------

ARCHETYPES = ["thcs-tt22", "thpt-tt22", "thcs-tt58"]


def make_student(rng: random.Random, idx: int, archetype: str) -> dict:
    male = rng.random() < 0.5
    prov = rng.choice(sorted(PROVINCES))
    if archetype == "thcs-tt22":
        level, g0, y0 = "THCS", 6, rng.choice([2021, 2021, 2022, 2023, 2024])
        grades = [g for g in range(6, 10) if y0 + g - 6 <= 2024]
    elif archetype == "thpt-tt22":
        level, g0, y0 = "THPT", 10, rng.choice([2022, 2022, 2023, 2024])
        grades = [g for g in range(10, 13) if y0 + g - 10 <= 2024]
    else:
        level, g0, y0 = "THCS", 6, rng.choice([2017, 2018, 2019, 2020])
        grades = [g for g in range(6, 10) if y0 + g - 6 <= 2024]
    if len(grades) > 2 and rng.random() < 0.5:
        grades = grades[:rng.randint(2, len(grades) - 1)]  # book digitised part-way
    birth_year = y0 - (g0 - 6) - 11
    bm, bd = rng.randint(1, 12), rng.randint(1, 28)
    surname = rng.choice(SURNAMES)
    full = person_name(rng, male, surname)
    father = person_name(rng, True, surname)
    mother = person_name(rng, False)
    guardian = person_name(rng, rng.random() < 0.5) if rng.random() < 0.2 else None
    cccd = prov + ("2" if male else "3") + f"{birth_year % 100:02d}" + \
        "".join(str(rng.randint(0, 9)) for _ in range(6))
    school = make_school(rng, level, prov)
    pname, _place, districts, wards = PROVINCES[prov]
    residence = (f"Số {rng.randint(1, 199)} đường {rng.choice(STREETS)}, {rng.choice(wards)}, "
                 f"{rng.choice(districts)}, {pname}")
    birth_place = rng.choice([f"{rng.choice(districts)}, {pname}", pname.replace("tỉnh ", "")])
    letters = "ABCDEG"
    cls_letter = rng.choice(letters)
    cls_num = rng.randint(1, 8)
    years = []
    register = f"{rng.randint(1, 480):03d}/{y0}"
    transfer_at = None
    if len(grades) >= 3 and rng.random() < 0.25:
        transfer_at = rng.randint(1, len(grades) - 1)
        school2 = make_school(rng, level, prov)
    for k, g in enumerate(grades):
        sy = y0 + (g - g0)
        sch = school if transfer_at is None or k < transfer_at else school2
        if transfer_at is not None and k == transfer_at:
            entry = f"{sy}-{rng.choice(['08', '09'])}-{rng.randint(1, 28):02d}"
            register = f"{rng.randint(1, 480):03d}/{sy}"
        elif k == 0:
            entry = f"{sy}-09-{rng.randint(1, 8):02d}"
        else:
            entry = None
        years.append({"grade": g, "start": sy, "schoolYear": f"{sy}-{sy + 1}",
                      "className": f"{g}{cls_letter}{cls_num}", "school": sch,
                      "registerNumber": register, "entryDate": entry,
                      "regime": "TT22" if is_tt22(g, sy) else "TT58"})
    return {
        "key": f"s{idx + 1:03d}", "archetype": archetype, "level": level, "male": male,
        "fullName": full, "sex": "M" if male else "F",
        "birthDate": f"{birth_year}-{bm:02d}-{bd:02d}", "birthPlace": birth_place,
        "ethnicity": rng.choice(ETHNICITIES), "nationality": "Việt Nam",
        "residence": residence,
        "father": {"fullName": father, "occupation": rng.choice(OCCUPATIONS)},
        "mother": {"fullName": mother, "occupation": rng.choice(OCCUPATIONS)},
        "guardian": guardian, "citizenID": cccd, "province": prov, "years": years,
        "ability": rng.uniform(5.8, 9.2), "principal": person_name(rng, rng.random() < 0.5),
        "vice": person_name(rng, rng.random() < 0.5),
    }


def make_year_results(rng: random.Random, st: dict, yr: dict) -> dict:
    """Scores and levels for one school year, consistent with the regime's rules."""
    regime, grade = yr["regime"], yr["grade"]
    if regime == "TT22" and st["level"] == "THCS":
        subjects = TT22_THCS
    elif regime == "TT22":
        combo = st.setdefault("combo", rng.choice(ELECTIVE_COMBOS))
        el = [s for s in TT22_THPT_ELECTIVES if s[0] in combo]
        subjects = TT22_THPT_CORE + el + TT22_THPT_TAIL
    else:
        subjects = [s for s in TT58_THCS if not (s[0] == "hoa-hoc" and grade < 8)]
    tt26 = yr["start"] >= 2020
    for _attempt in range(200):
        mu = st["ability"] + rng.uniform(-0.5, 0.5)
        rows = []
        for code, name, scored in subjects:
            if scored:
                m = mu + rng.uniform(-1.0, 0.9)
                h1 = d1(min(10, max(3.0, rng.gauss(m - 0.15, 0.6))))
                h2 = d1(min(10, max(3.0, rng.gauss(m + 0.1, 0.6))))
                if rng.random() < 0.25:  # some integer semester scores
                    h1 = d1(round(h1))
                rows.append({"code": code, "name": name, "scored": True,
                             "h1": h1, "h2": h2, "y": year_average(h1, h2)})
            else:
                c1 = "CĐ" if rng.random() < 0.03 else "Đ"
                c2 = "CĐ" if rng.random() < 0.02 else "Đ"
                if regime == "TT22":
                    cy = c2
                else:
                    cy = "Đ" if (c1 == "Đ" and c2 == "Đ") or (c1 == "CĐ" and c2 == "Đ") else "CĐ"
                rows.append({"code": code, "name": name, "scored": False,
                             "h1": c1, "h2": c2, "y": cy})
        sc = [r for r in rows if r["scored"]]
        cm = [r for r in rows if not r["scored"]]
        res = {"subjects": rows}
        ok = True
        if regime == "TT22":
            learning = {}
            for t in ("h1", "h2", "y"):
                lv = tt22_learning([r[t] for r in sc], [r[t] for r in cm])
                # avoid cases where the one-subject adjustment clause (Điều 9.3) might apply
                for i in range(len(sc)):
                    lv2 = tt22_learning([r[t] for j, r in enumerate(sc) if j != i],
                                        [r[t] for r in cm])
                    if LEVEL_ORDER_TT22.index(lv2) - LEVEL_ORDER_TT22.index(lv) >= 2:
                        ok = False
                learning[t] = lv
            c1 = rng.choices(["T", "K", "Đ"], [0.7, 0.25, 0.05])[0]
            c2 = rng.choices(["T", "K", "Đ"], [0.75, 0.2, 0.05])[0]
            conduct = {"h1": c1, "h2": c2, "y": CONDUCT_YEAR_TT22[(c1, c2)]}
            res["learning"] = learning
            res["conduct"] = conduct
            passed = conduct["y"] != "CĐ" and learning["y"] != "CĐ"
            nine = sum(1 for r in sc if r["y"] >= 9)
            if conduct["y"] == "T" and learning["y"] == "T":
                award = "Học sinh Xuất sắc" if nine >= 6 else "Học sinh Giỏi"
            else:
                award = ""
        else:
            avg = {}
            rank = {}
            for t in ("h1", "h2", "y"):
                if t == "y":
                    a = (sum(r["y"] for r in sc) / Decimal(len(sc))).quantize(
                        Decimal("0.1"), rounding=ROUND_HALF_UP)
                else:
                    a = (sum(r[t] for r in sc) / Decimal(len(sc))).quantize(
                        Decimal("0.1"), rounding=ROUND_HALF_UP)
                avg[t] = a
                rk = tt58_rank(a, {r["code"]: r[t] for r in sc}, [r[t] for r in cm], tt26)
                if RANK58.index(tt58_rank_by_average(a)) - RANK58.index(rk) >= 2:
                    ok = False  # Điều 13.6 adjustment would apply; keep the data simple
                rank[t] = rk
            c1 = rng.choices(["T", "K", "Tb"], [0.7, 0.25, 0.05])[0]
            c2 = rng.choices(["T", "K", "Tb"], [0.75, 0.22, 0.03])[0]
            cy = c2 if rng.random() < 0.85 else max(c1, c2, key=["Y", "Tb", "K", "T"].index)
            conduct = {"h1": c1, "h2": c2, "y": cy}
            res["average"], res["rank"], res["conduct"] = avg, rank, conduct
            passed = rank["y"] in ("G", "K", "Tb") and cy in ("T", "K", "Tb")
            if cy == "T" and rank["y"] == "G":
                award = "Học sinh giỏi"
            elif cy in ("T", "K") and rank["y"] in ("G", "K"):
                award = "Học sinh tiên tiến"
            else:
                award = ""
        if ok and passed:
            break
    res["absences"] = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
    final = grade in (9, 12)
    res["promotion"] = "hoan-thanh-chuong-trinh" if final else "len-lop"
    res["promotionText"] = (f"Hoàn thành chương trình {st['level']}" if final
                            else "Được lên lớp")
    res["award"] = award
    res["homeroomComment"] = rng.choice(HOMEROOM_COMMENTS)
    res["homeroomTeacher"] = person_name(rng, rng.random() < 0.3)
    res["subjectComments"] = {r["code"]: rng.choice(SUBJECT_COMMENTS) for r in rows}
    return res


# --------------------------------------------------------------------------------------
# Page canvas with ground-truth recording
# --------------------------------------------------------------------------------------

INK = (22, 22, 26)
BLUE = (28, 45, 150)
RED = (205, 32, 38)


class Page:
    def __init__(self, rng: random.Random, dpi: int, style: dict, fonts, hands):
        self.rng = rng
        self.dpi = dpi
        self.W = int(round(210 / 25.4 * dpi))
        self.H = int(round(297 / 25.4 * dpi))
        self.img = Image.new("RGB", (self.W, self.H), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.img)
        self.seal_layers: list[Image.Image] = []
        self.style = style
        self.fonts = fonts
        self.hands = hands
        self.fields: list[dict] = []
        self.colour = False

    # units
    def px(self, mm: float) -> int:
        return int(round(mm / 25.4 * self.dpi))

    def font(self, pt: float, weight: str = "regular", family: str | None = None):
        fam = self.fonts[family or self.style["family"]]
        path = fam[{"regular": 0, "bold": 1, "italic": 2}[weight]]
        return load_font(path, max(8, int(round(pt / 72 * self.dpi))))

    def hand_font(self, pt: float):
        return load_font(self.hands[self.style["hand"]], max(8, int(round(pt / 72 * self.dpi))))

    # text
    def text(self, x, y, s, font, fill=INK, anchor="ls"):
        s = unicodedata.normalize("NFC", s)
        self.draw.text((x, y), s, font=font, fill=fill, anchor=anchor)
        return self.draw.textbbox((x, y), s, font=font, anchor=anchor)

    def tlen(self, s, font) -> float:
        return self.draw.textlength(s, font=font)

    def field(self, path, value, printed, bbox, style="typed", critical=False, **extra):
        x0, y0, x1, y1 = bbox
        f = {"path": path, "value": unicodedata.normalize("NFC", str(value)),
             "printed": unicodedata.normalize("NFC", printed), "style": style,
             "box": [int(x0), int(y0), int(x1 - x0), int(y1 - y0)], "critical": critical}
        f.update(extra)
        self.fields.append(f)
        return f

    def entry(self, x, y, path, value, printed, font=None, critical=False, fill=INK,
              maxw=None, **extra):
        """Typed entry at baseline (x, y); shrinks the font to fit maxw."""
        font = font or self.font(self.style["entry_pt"], family=self.style["entry_family"])
        if maxw:
            size = font.size
            while self.tlen(printed, font) > maxw and size > 10:
                size = int(size * 0.93)
                font = load_font(font.path, size)
        bb = self.text(x, y, printed, font, fill)
        return self.field(path, value, printed, bb, "typed", critical, **extra)

    def hand(self, x, y, s, pt, fill=BLUE, path=None, value=None, critical=False, maxw=None):
        """Handwritten-style text: slanted face, per-glyph jitter of baseline, size and spacing."""
        self.colour = self.colour or fill != INK
        rng = self.rng
        s = unicodedata.normalize("NFC", s)
        base = self.hand_font(pt)
        if maxw:
            size = base.size
            while self.tlen(s, base) * 1.05 > maxw and size > 10:
                size = int(size * 0.93)
                base = load_font(base.path, size)
        cx = x
        boxes = []
        drift = rng.uniform(-0.015, 0.015)
        for i, ch in enumerate(s):
            sz = max(8, int(base.size * rng.uniform(0.94, 1.06)))
            f = load_font(base.path, sz)
            dy = rng.uniform(-0.05, 0.05) * base.size + drift * (cx - x)
            if ch != " ":
                self.draw.text((cx, y + dy), ch, font=f, fill=fill, anchor="ls")
                boxes.append(self.draw.textbbox((cx, y + dy), ch, font=f, anchor="ls"))
            cx += self.tlen(ch, f) * rng.uniform(0.97, 1.08)
        if not boxes:
            return None
        bb = (min(b[0] for b in boxes), min(b[1] for b in boxes),
              max(b[2] for b in boxes), max(b[3] for b in boxes))
        if path:
            return self.field(path, value if value is not None else s, s, bb, "handwritten",
                              critical)
        return bb

    def hline(self, x0, x1, y, w=None, fill=INK):
        w = w or self.style["line_px"]
        self.draw.line([(x0, y), (x1, y)], fill=fill, width=w)

    def vline(self, x, y0, y1, w=None, fill=INK):
        w = w or self.style["line_px"]
        self.draw.line([(x, y0), (x, y1)], fill=fill, width=w)

    def dots(self, x0, x1, y):
        step = max(3, self.px(0.9))
        r = max(1, self.px(0.12))
        for x in range(int(x0), int(x1), step):
            self.draw.ellipse([x - r, y - r, x + r, y + r], fill=(70, 70, 70))

    def leader(self, x0, x1, y):
        """The labelled line's leader: dotted (classic, when style says so), underline or none."""
        kind = self.style.get("leaders") or ("dots" if self.style["dotted"] else "none")
        if kind == "dots":
            self.dots(x0, x1, y + self.px(0.8))
        elif kind == "underline":
            self.hline(x0, x1, y + self.px(1.2), w=max(1, self.style["line_px"] // 2),
                       fill=(80, 80, 80))

    def label(self, text: str) -> str:
        """The family's wording of a printed label."""
        return self.style["fam"]["labels"].get(text, text)

    def label_value(self, x, y, label, x_end, path, value, printed, critical=False,
                    bold_label=False, **extra):
        label = self.label(label)
        lf = self.font(self.style["label_pt"], "bold" if bold_label else "regular")
        self.text(x, y, label, lf)
        vx = x + self.tlen(label, lf) + self.px(self.style["label_gap_mm"])
        self.leader(vx, x_end, y)
        if printed:
            return self.entry(vx + self.px(1), y, path, value, printed, critical=critical,
                              maxw=x_end - vx - self.px(1), **extra)
        return None

    def label_value_wrapped(self, x, y, label, x_end, path, value, gap):
        """A labelled value that continues on the next line (split at the middle comma)."""
        label = self.label(label)
        lf = self.font(self.style["label_pt"])
        self.text(x, y, label, lf)
        vx = x + self.tlen(label, lf) + self.px(self.style["label_gap_mm"])
        parts = value.split(", ")
        cut = max(1, len(parts) // 2)
        l1, l2 = ", ".join(parts[:cut]) + ",", ", ".join(parts[cut:])
        ef = self.font(self.style["entry_pt"], family=self.style["entry_family"])
        x2 = x + self.px(6)
        for xs, yy in ((vx, y), (x2, y + gap)):
            self.leader(xs, x_end, yy)
        widest = max(self.tlen(l1, ef) / (x_end - vx - self.px(1)),
                     self.tlen(l2, ef) / (x_end - x2 - self.px(1)))
        if widest > 1:
            ef = load_font(ef.path, max(10, int(ef.size / widest)))
        b1 = self.text(vx + self.px(1), y, l1, ef)
        b2 = self.text(x2 + self.px(1), y + gap, l2, ef)
        return self.field(path, value, l1 + " " + l2,
                          (min(b1[0], b2[0]), b1[1], max(b1[2], b2[2]), b2[3]), "typed", False,
                          lines=[l1, l2])

    def label_boxes(self, x, y, label, path, value, critical=False):
        """A labelled number printed one digit per box (the 12-box CCCD)."""
        label = self.label(label)
        lf = self.font(self.style["label_pt"])
        self.text(x, y, label, lf)
        ef = self.font(self.style["entry_pt"], family=self.style["entry_family"])
        bw, bh = self.px(5.4), self.px(6.8)
        bx = x + self.tlen(label, lf) + self.px(self.style["label_gap_mm"] + 1)
        top = y - bh * 0.78
        boxes = []
        for i, ch in enumerate(value):
            x0 = bx + i * bw
            self.draw.rectangle([x0, top, x0 + bw, top + bh], outline=INK,
                                width=max(1, self.style["line_px"]))
            boxes.append(self.text(x0 + bw / 2 - self.tlen(ch, ef) / 2, y, ch, ef))
        return self.field(path, value, value,
                          (min(b[0] for b in boxes), min(b[1] for b in boxes),
                           max(b[2] for b in boxes), max(b[3] for b in boxes)), "typed",
                          critical, printedAs="boxes")

    def fitting(self, text, font, avail):
        """`font`, or a smaller size of it when `text` would not fit in `avail` pixels (printed text never
        crosses a table's rules). The font is unchanged, so classic output stays the same, when it fits."""
        widest = self.tlen(text, font)
        if widest <= avail:
            return font
        return load_font(font.path, max(8, int(font.size * avail / widest)))

    def wrap_center(self, x0, x1, ytop, lines_text, font, line_h):
        avail = (x1 - x0) - self.px(1.6)
        widest = max(self.tlen(ln, font) for ln in lines_text)
        if widest > avail:
            font = load_font(font.path, max(8, int(font.size * avail / widest)))
        y = ytop
        for ln in lines_text:
            w = self.tlen(ln, font)
            self.text((x0 + x1) / 2 - w / 2, y + line_h * 0.78, ln, font)
            y += line_h

    # drawings
    def signature(self, x, y, w, h):
        """Blue scribble inside the box (x, y, w, h)."""
        self.colour = True
        rng = self.rng
        n = 90
        pts = []
        f1, f2 = rng.uniform(2.5, 5.0), rng.uniform(6, 11)
        ph1, ph2 = rng.uniform(0, 6.28), rng.uniform(0, 6.28)
        for i in range(n):
            t = i / (n - 1)
            px_ = x + w * (0.05 + 0.9 * t) + math.sin(t * f2 * 6.28 + ph2) * w * 0.04
            py_ = y + h * (0.5 + 0.32 * math.sin(t * f1 * 6.28 + ph1) * (1 - 0.4 * t)
                           + 0.12 * math.cos(t * f2 * 6.28))
            pts.append((px_, py_))
        width = max(2, self.px(0.35))
        self.draw.line(pts, fill=BLUE, width=width, joint="curve")
        # underline flourish
        fy = y + h * rng.uniform(0.75, 0.9)
        self.draw.line([(x + w * 0.1, fy), (x + w * 0.95, fy - h * 0.12)], fill=BLUE, width=width)

    def seal(self, cx, cy, r, text):
        """Red round seal on a separate layer, multiplied over the page at render time."""
        self.colour = True
        size = int(2 * r + 4)
        layer = Image.new("L", (size, size), 0)
        d = ImageDraw.Draw(layer)
        c = size / 2
        lw = max(2, int(r * 0.05))
        d.ellipse([c - r, c - r, c + r, c + r], outline=255, width=lw)
        r2 = r * 0.64
        d.ellipse([c - r2, c - r2, c + r2, c + r2], outline=255, width=max(1, lw // 2))
        fsz = max(8, int(r * 0.2))
        font = load_font(self.fonts[self.style["family"]][1], fsz)
        txt = unicodedata.normalize("NFC", text.upper())
        n = len(txt)
        span = min(300.0, 12.0 * n)
        for i, ch in enumerate(txt):
            ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
            rr = (r + r2) / 2
            gx, gy = c + rr * math.cos(ang), c + rr * math.sin(ang)
            g = Image.new("L", (fsz * 2, fsz * 2), 0)
            ImageDraw.Draw(g).text((fsz, fsz), ch, font=font, fill=255, anchor="mm")
            g = g.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC)
            layer.paste(255, (int(gx - fsz), int(gy - fsz)), g)
        # star
        pts = []
        for k in range(10):
            rad = r * (0.28 if k % 2 == 0 else 0.11)
            a = math.radians(-90 + 36 * k)
            pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
        d.polygon(pts, fill=255)
        # uneven ink
        arr = np.asarray(layer, dtype=np.float32)
        nrng = np.random.default_rng(self.rng.randrange(2 ** 32))
        arr *= nrng.uniform(0.7, 1.0, size=arr.shape).astype(np.float32)
        layer = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")
        self.seal_layers.append((layer, int(cx - c), int(cy - c)))

    def compose(self) -> Image.Image:
        img = self.img
        for layer, x, y in self.seal_layers:
            red = Image.new("RGB", layer.size, (222, 24, 36))
            white = Image.new("RGB", layer.size, (255, 255, 255))
            ink = Image.composite(red, white, layer)
            region = img.crop((x, y, x + layer.width, y + layer.height))
            img.paste(ImageChops.multiply(region, ink), (x, y))
        return img


def choose_style(rng: random.Random, variation: str, fonts, hands) -> dict:
    fams = sorted(fonts)
    k = {"low": 0.4, "normal": 1.0, "high": 1.6}[variation]
    fam = rng.choice(fams)
    return {
        "family": fam,
        "entry_family": fam if rng.random() < 0.6 else rng.choice(fams),
        "hand": rng.choice(sorted(hands)),
        "label_pt": round(10.5 + rng.uniform(-0.6, 0.8) * k, 1),
        "entry_pt": round(11.0 + rng.uniform(-0.5, 0.8) * k, 1),
        "margin_l": 16 + rng.uniform(-3, 5) * k,
        "margin_r": 14 + rng.uniform(-3, 4) * k,
        "margin_t": 14 + rng.uniform(-3, 5) * k,
        "row_mm": 7.8 + rng.uniform(-0.4, 0.6) * k,
        "line_px": 0,  # set per dpi below
        "line_mm": 0.22 + rng.uniform(-0.06, 0.1) * k,
        "label_gap_mm": 1.5 + rng.uniform(0, 2.0) * k,
        "dotted": rng.random() < 0.6,
        "ten_style": rng.choice(["10", "10,0"]),
        "level_words": rng.random() < 0.35,
        "subject_comments": rng.random() < 0.6,
        "col_jitter": [rng.uniform(-1, 1) * k for _ in range(6)],
    }


# --------------------------------------------------------------------------------------
# Information page
# --------------------------------------------------------------------------------------

def iso_to_vn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def sy_print(sy: str, rng: random.Random) -> str:
    a, b = sy.split("-")
    return rng.choice([f"{a} - {b}", f"{a}-{b}", f"{a} – {b}"])


def render_info(pg: Page, st: dict) -> None:
    rng, s = pg.rng, pg.style
    L, R = pg.px(s["margin_l"]), pg.W - pg.px(s["margin_r"])
    y = pg.px(s["margin_t"])
    first = st["years"][0]
    sch = first["school"]
    small = pg.font(s["label_pt"] - 0.5, "bold")
    y += pg.px(5)
    pg.text(L, y, "SỞ GIÁO DỤC VÀ ĐÀO TẠO " + sch["place"].upper(), small)
    y += pg.px(5.5)
    pg.text(L, y, sch["name"].upper(), small)
    y += pg.px(16)
    tf = pg.font(26, "bold")
    w = pg.tlen("HỌC BẠ", tf)
    pg.text((pg.W - w) / 2, y, "HỌC BẠ", tf)
    y += pg.px(9)
    sub = "TRUNG HỌC CƠ SỞ" if st["level"] == "THCS" else "TRUNG HỌC PHỔ THÔNG"
    sf = pg.font(15, "bold")
    pg.text((pg.W - pg.tlen(sub, sf)) / 2, y, sub, sf)
    y += pg.px(14)
    gap = pg.px(s["row_mm"] + 1.6)
    mid = L + (R - L) * rng.uniform(0.6, 0.68)
    upper = rng.random() < 0.4
    name = st["fullName"].upper() if upper else st["fullName"]
    pg.label_value(L, y, "Họ và tên:", mid - pg.px(3), "student.fullName", st["fullName"], name,
                   critical=True, caseStyle="upper" if upper else "title")
    sex = "Nam" if st["male"] else "Nữ"
    pg.label_value(mid, y, "Giới tính:", R, "student.sex", st["sex"], sex, critical=True)
    y += gap
    pg.label_value(L, y, "Ngày sinh:", mid - pg.px(3), "student.birthDate", st["birthDate"],
                   iso_to_vn(st["birthDate"]), critical=True)
    pg.label_value(mid, y, "Dân tộc:", R, "student.ethnicity", st["ethnicity"], st["ethnicity"])
    y += gap
    pg.label_value(L, y, "Nơi sinh:", mid - pg.px(3), "student.birthPlace", st["birthPlace"],
                   st["birthPlace"])
    pg.label_value(mid, y, "Quốc tịch:", R, "student.nationality", st["nationality"],
                   st["nationality"])
    y += gap
    if s["fam"]["wrap_residence"]:
        pg.label_value_wrapped(L, y, "Chỗ ở hiện tại:", R, "student.residence", st["residence"],
                               gap * 0.8)
        y += gap * 0.8
    else:
        pg.label_value(L, y, "Chỗ ở hiện tại:", R, "student.residence", st["residence"],
                       st["residence"])
    y += gap
    mid2 = L + (R - L) * 0.6
    pg.label_value(L, y, "Họ và tên cha:", mid2 - pg.px(3), "student.father.fullName",
                   st["father"]["fullName"], st["father"]["fullName"])
    pg.label_value(mid2, y, "Nghề nghiệp:", R, "student.father.occupation",
                   st["father"]["occupation"], st["father"]["occupation"])
    y += gap
    pg.label_value(L, y, "Họ và tên mẹ:", mid2 - pg.px(3), "student.mother.fullName",
                   st["mother"]["fullName"], st["mother"]["fullName"])
    pg.label_value(mid2, y, "Nghề nghiệp:", R, "student.mother.occupation",
                   st["mother"]["occupation"], st["mother"]["occupation"])
    y += gap
    g = st["guardian"]
    pg.label_value(L, y, "Người giám hộ:", R, "student.guardian.fullName", g or "", g or "")
    y += gap
    cid = st["citizenID"]
    printed = cid if rng.random() < 0.7 else " ".join([cid[:3], cid[3:6], cid[6:]])
    if s["fam"]["cccd_boxes"]:
        pg.label_boxes(L, y, "Mã định danh cá nhân:", "student.citizenID", cid, critical=True)
    else:
        pg.label_value(L, y, "Mã định danh cá nhân:", R, "student.citizenID", cid, printed,
                       critical=True)
    y += pg.px(14)
    hf = pg.font(13, "bold")
    t = "QUÁ TRÌNH HỌC TẬP"
    pg.text((pg.W - pg.tlen(t, hf)) / 2, y, t, hf)
    y += pg.px(4)
    # table
    cj = s["col_jitter"]
    widths = [24 + cj[0] * 2, 15 + cj[1], 0, 22 + cj[2] * 2, 30 + cj[3] * 2]
    total_mm = (R - L) / pg.dpi * 25.4
    widths[2] = total_mm - sum(widths)
    xs = [L]
    for wmm in widths:
        xs.append(xs[-1] + pg.px(wmm))
    xs[-1] = R
    hdrf = pg.font(s["label_pt"] - 1, "bold")
    head = [["Năm học"], ["Lớp"], ["Tên trường, huyện/quận,", "tỉnh/thành phố"],
            ["Số đăng bộ"], ["Ngày nhập học/", "chuyển đến"]]
    lh = pg.px(4.6)
    hh = pg.px(12)
    top = y
    for i, lines in enumerate(head):
        pg.wrap_center(xs[i], xs[i + 1], y + (hh - lh * len(lines)) / 2, lines, hdrf, lh)
    y += hh
    rowh = pg.px(s["row_mm"] + 5)
    nrows = (4 if st["level"] == "THCS" else 3) + s["fam"]["history_extra_rows"]
    ef = pg.font(s["entry_pt"] - 1, family=s["entry_family"])
    for i in range(nrows):
        pg.hline(L, R, y)
        if i < len(st["years"]):
            yr = st["years"][i]
            base = y + rowh * 0.64
            pad = pg.px(1.5)
            pg.entry(xs[0] + pad, base, f"history[{i}].schoolYear", yr["schoolYear"],
                     sy_print(yr["schoolYear"], rng), font=ef, critical=True,
                     maxw=xs[1] - xs[0] - 2 * pad)
            pg.entry(xs[1] + pad, base, f"history[{i}].className", yr["className"],
                     yr["className"], font=ef, critical=True, maxw=xs[2] - xs[1] - 2 * pad)
            full = yr["school"]["full"]
            l1 = yr["school"]["name"] + ","
            l2 = full[len(l1):].strip()
            sfnt = load_font(ef.path, int(ef.size * 0.9))
            avail = xs[3] - xs[2] - 2 * pad
            widest = max(pg.tlen(l1, sfnt), pg.tlen(l2, sfnt))
            if widest > avail:
                sfnt = load_font(ef.path, max(8, int(sfnt.size * avail / widest)))
            b1 = pg.text(xs[2] + pad, y + rowh * 0.42, l1, sfnt)
            b2 = pg.text(xs[2] + pad, y + rowh * 0.84, l2, sfnt)
            pg.field(f"history[{i}].school", full, l1 + " " + l2,
                     (min(b1[0], b2[0]), b1[1], max(b1[2], b2[2]), b2[3]), "typed", False,
                     lines=[l1, l2])
            pg.entry(xs[3] + pad, base, f"history[{i}].registerNumber", yr["registerNumber"],
                     yr["registerNumber"], font=ef, maxw=xs[4] - xs[3] - 2 * pad)
            if yr["entryDate"]:
                pg.entry(xs[4] + pad, base, f"history[{i}].entryDate", yr["entryDate"],
                         iso_to_vn(yr["entryDate"]), font=ef, maxw=xs[5] - xs[4] - 2 * pad)
        y += rowh
    for x in xs:
        pg.vline(x, top, y)
    pg.hline(L, R, top)
    pg.hline(L, R, y)
    # place/date + principal
    y += pg.px(12)
    d = first["entryDate"] or f"{first['start']}-09-05"
    yy, mm, dd = d.split("-")
    datel = f"{sch['place']}, ngày {int(dd):02d} tháng {int(mm):02d} năm {yy}"
    cx = L + (R - L) * 0.72
    pf = pg.font(s["label_pt"], "italic")
    pg.text(cx - pg.tlen(datel, pf) / 2, y, datel, pf)
    y += pg.px(7)
    approval_block(pg, st, cx, y, "HIỆU TRƯỞNG", st["principal"], sch, with_title_field=True)


def approval_block(pg: Page, st, cx, y, title, name, sch, with_title_field=True,
                   path_prefix="approval"):
    """Title lines, signature, red seal over the left third of the signature, and the name."""
    rng = pg.rng
    tf = pg.font(pg.style["label_pt"] + 0.5, "bold")
    lines = title.split("\n")
    boxes = []
    for ln in lines:
        boxes.append(pg.text(cx - pg.tlen(ln, tf) / 2, y, ln, tf))
        y += pg.px(5.5)
    if with_title_field:
        bb = (min(b[0] for b in boxes), min(b[1] for b in boxes),
              max(b[2] for b in boxes), max(b[3] for b in boxes))
        code = "pho-hieu-truong" if "PHÓ" in title else "hieu-truong"
        pg.field(f"{path_prefix}.title", code, " / ".join(lines), bb, "typed", False)
    sw, sh = pg.px(rng.uniform(36, 46)), pg.px(rng.uniform(13, 17))
    sx, sy = cx - sw / 2 + pg.px(rng.uniform(-3, 3)), y + pg.px(2)
    pg.signature(sx, sy, sw, sh)
    r = pg.px(rng.uniform(16, 19))
    pg.seal(sx + sw / 3 - r * rng.uniform(0.9, 1.1), sy + sh * 0.5 + pg.px(rng.uniform(-3, 3)),
            r, sch["name"] + " * " + sch["place"])
    y = sy + sh + pg.px(8)
    hf_pt = pg.style["entry_pt"] + 1
    w = pg.tlen(name, pg.hand_font(hf_pt))
    pg.hand(cx - w / 2, y, name, hf_pt, path=f"{path_prefix}.fullName", value=name)
    return y


# --------------------------------------------------------------------------------------
# Year page
# --------------------------------------------------------------------------------------

def render_year(pg: Page, st: dict, yr: dict, res: dict) -> dict:
    rng, s = pg.rng, pg.style
    regime = yr["regime"]
    L, R = pg.px(s["margin_l"]), pg.W - pg.px(s["margin_r"])
    y = pg.px(s["margin_t"]) + pg.px(4)
    # header
    upper = rng.random() < 0.5
    name = st["fullName"].upper() if upper else st["fullName"]
    x1 = L + (R - L) * rng.uniform(0.52, 0.58)
    x2 = L + (R - L) * rng.uniform(0.72, 0.75)
    pg.label_value(L, y, "Họ và tên:", x1 - pg.px(2), "header.fullName", st["fullName"], name,
                   critical=True, bold_label=True)
    pg.label_value(x1, y, "Lớp:", x2 - pg.px(2), "header.className", yr["className"],
                   yr["className"], critical=True, bold_label=True)
    pg.label_value(x2, y, "Năm học:", R, "header.schoolYear", yr["schoolYear"],
                   sy_print(yr["schoolYear"], rng), critical=True, bold_label=True)
    y += pg.px(5)
    # subject table
    fam = s["fam"]
    cj = s["col_jitter"]
    w_score = 17 + cj[1]
    w_re = 21 + cj[2]
    w_sub = 58 + cj[0] * 3
    total_mm = (R - L) / pg.dpi * 25.4
    has_comment = fam["comment_col"] != "none"
    if has_comment:
        widths = [w_sub, w_score, w_score, w_score, w_re, total_mm - w_sub - 3 * w_score - w_re]
    else:  # no comment column: the subject and score columns share the width
        w_sub = total_mm * 0.44
        w_score = (total_mm - w_sub - (w_re if fam["reassess_col"] else 0)) / 3
        widths = [w_sub, w_score, w_score, w_score, w_re]
    if not fam["reassess_col"]:
        widths.pop(4)
    xs = [L]
    for wmm in widths:
        xs.append(xs[-1] + pg.px(wmm))
    xs[-1] = R
    hdrf = pg.font(s["label_pt"] - 1.5, "bold")
    if regime == "TT22":
        head = [["Môn học/", "hoạt động giáo dục"], ["Học kì I"], ["Học kì II"], ["Cả năm"],
                ["Điểm/mức", "đánh giá lại", "(nếu có)"],
                ["Nhận xét sự tiến bộ, ưu điểm", "nổi bật, hạn chế chủ yếu", "và chữ ký của GV"]]
    else:
        head = [["Môn học"], ["TBHK I"], ["TBHK II"], ["Cả năm"],
                ["Điểm hoặc xếp", "loại sau KT lại", "(nếu có)"],
                ["Nhận xét và chữ ký", "của giáo viên", "bộ môn"]]
    terms = fam["terms"] or ("Học kì I", "Học kì II", "Cả năm")
    if fam["terms"]:
        head[1:4] = [[t] for t in terms]
    head = [h for i, h in enumerate(head)
            if not (i == 4 and not fam["reassess_col"]) and not (i == 5 and not has_comment)]
    lh = pg.px(4.0)
    hh = pg.px(14)
    top = y
    two_level = fam["header_levels"] == 2
    for i, lines in enumerate(head):
        if two_level and 1 <= i <= 3:  # term headers under the spanning cell
            pg.wrap_center(xs[i], xs[i + 1], y + hh / 2 + (hh / 2 - lh * len(lines)) / 2,
                           lines, hdrf, lh)
        else:
            pg.wrap_center(xs[i], xs[i + 1], y + (hh - lh * len(lines)) / 2, lines, hdrf, lh)
    if two_level:
        pg.wrap_center(xs[1], xs[4], y + (hh / 2 - lh) / 2, [fam["span_label"]], hdrf, lh)
        pg.hline(xs[1], xs[4], y + hh / 2)
    y += hh
    rowh = pg.px(s["row_mm"])
    sf = pg.font(s["label_pt"] - 0.5)
    ef = pg.font(s["entry_pt"], family=s["entry_family"])
    pad = pg.px(1.5)
    rows = list(res["subjects"])
    corrections = []
    n_corr = 0
    if rng.random() < 0.35:
        n_corr = 1 if rng.random() < 0.7 else 2
    scored_rows = [r for r in rows if r["scored"]]
    corr_targets = set()
    for r in rng.sample(scored_rows, min(n_corr, len(scored_rows))):
        corr_targets.add((r["code"], rng.choice(["h1", "h2"])))
    tkey = {"h1": "firstTerm", "h2": "secondTerm", "y": "fullYear"}
    for r in rows:
        pg.hline(L, R, y)
        base = y + rowh * 0.7
        avail = xs[1] - xs[0] - 2 * pad
        if pg.tlen(r["name"], sf) <= avail:
            pg.text(xs[0] + pad, base, r["name"], sf)
        else:
            words = r["name"].split()
            cut = max(range(1, len(words)),
                      key=lambda c: -abs(len(" ".join(words[:c])) - len(" ".join(words[c:]))))
            lines2 = [" ".join(words[:cut]), " ".join(words[cut:])]
            small = load_font(sf.path, int(sf.size * 0.82))
            widest = max(pg.tlen(t, small) for t in lines2)
            if widest > avail:
                small = load_font(sf.path, max(8, int(small.size * avail / widest)))
            pg.text(xs[0] + pad, y + rowh * 0.45, lines2[0], small)
            pg.text(xs[0] + pad, y + rowh * 0.9, lines2[1], small)
        for ci, t in enumerate(("h1", "h2", "y")):
            v = r[t]
            printed = fmt_score(v, s["ten_style"]) if r["scored"] else v
            value = f"{v:.1f}" if r["scored"] else v
            cx0, cx1 = xs[1 + ci], xs[2 + ci]
            w = pg.tlen(printed, ef)
            x = (cx0 + cx1) / 2 - w / 2
            path = f"subjects.{r['code']}.{tkey[t]}"
            if (r["code"], t) in corr_targets:
                old = v + Decimal(rng.choice(["-1.5", "-0.5", "0.5", "1.0", "-1.0", "0.3"]))
                old = max(Decimal("1.0"), min(Decimal("9.9"), old))
                if old == v:
                    old = v - Decimal("0.5")
                oldp = fmt_score(old, s["ten_style"])
                x = cx0 + pad * 1.5
                ob = pg.text(x, base, oldp, ef)
                pg.draw.line([(ob[0] - 2, (ob[1] + ob[3]) / 2 + 2), (ob[2] + 2, (ob[1] + ob[3]) / 2 - 2)],
                             fill=RED, width=max(2, pg.px(0.3)))
                nf = s["entry_pt"] - 1.5
                f = pg.hand(ob[2] + pg.px(0.6), ob[1] + pg.px(1.2), printed, nf, fill=RED,
                            path=path, value=value, critical=True)
                f["correction"] = {"old": f"{old:.1f}", "oldPrinted": oldp,
                                   "oldBox": [int(ob[0]), int(ob[1]), int(ob[2] - ob[0]),
                                              int(ob[3] - ob[1])]}
                corrections.append({"path": path, "old": f"{old:.1f}", "new": value,
                                    "subject": r["name"]})
            else:
                bb = pg.text(x, base, printed, ef)
                pg.field(path, value, printed, bb, "typed", True)
        if not has_comment:
            y += rowh
            continue
        c0, c1 = xs[-2], xs[-1]
        p_comment = 0.9 if fam["comment_col"] == "always" else 0.7
        if s["subject_comments"] and regime == "TT22" and rng.random() < p_comment:
            c = res["subjectComments"][r["code"]]
            pg.hand(c0 + pad, base, c, s["entry_pt"] - 2, path=f"subjects.{r['code']}.comment",
                    value=c, maxw=(c1 - c0) * 0.62)
        pg.signature(c1 - (c1 - c0) * 0.3, y + rowh * 0.15, (c1 - c0) * 0.26, rowh * 0.7)
        y += rowh
    if regime == "TT58":
        pg.hline(L, R, y)
        base = y + rowh * 0.7
        pg.text(xs[0] + pad, base, "ĐTB các môn", pg.font(s["label_pt"] - 0.5, "bold"))
        for ci, t in enumerate(("h1", "h2", "y")):
            v = res["average"][t]
            printed = fmt_score(v, s["ten_style"])
            w = pg.tlen(printed, ef)
            bb = pg.text((xs[1 + ci] + xs[2 + ci]) / 2 - w / 2, base, printed, ef)
            pg.field(f"summary.average.{tkey[t]}", f"{v:.1f}", printed, bb, "typed", True)
        y += rowh
    for x in xs:
        pg.vline(x, top + hh / 2 if two_level and x in (xs[2], xs[3]) else top, y)
    pg.hline(L, R, top)
    pg.hline(L, R, y)
    # corrections footer
    y += pg.px(6)
    lf = pg.font(s["label_pt"] - 0.5)
    lab = "Trong bảng này có sửa chữa ở:"
    pg.text(L, y, lab, lf)
    x = L + pg.tlen(lab, lf) + pg.px(2)
    cnt = str(len(corrections))
    pg.entry(x, y, "corrections.count", len(corrections), cnt, critical=False,
             corrections=corrections)
    x += pg.tlen(cnt, ef) + pg.px(2)
    lab2 = "chỗ, thuộc các môn học:"
    pg.text(x, y, lab2, lf)
    x += pg.tlen(lab2, lf) + pg.px(2)
    subj = ", ".join(c["subject"] for c in corrections)
    if subj:
        pg.entry(x, y, "corrections.subjects", subj, subj, maxw=R - x)
    y += pg.px(8)
    # results block
    rf = pg.font(s["label_pt"] - 0.5, "bold")
    if regime == "TT22":
        cols = ["Kết quả rèn luyện", "Kết quả học tập"]
        data = [("conduct", res["conduct"]), ("learning", res["learning"])]
    else:
        cols = ["Hạnh kiểm", "Học lực"]
        data = [("conduct", res["conduct"]), ("rank", res["rank"])]

    def level_printed(kind, code):
        if not s["level_words"]:
            return code
        if regime == "TT22":
            return TT22_WORDS[code]
        return (TT58_CONDUCT_WORDS if kind == "conduct" else TT58_RANK_WORDS)[code]

    def level_cell(x0, x1, base, kind, t):
        code = dict(data)[kind][t]
        printed = level_printed(kind, code)
        w = pg.tlen(printed, ef)
        bb = pg.text((x0 + x1) / 2 - w / 2, base, printed, ef)
        pg.field(f"summary.{kind}.{tkey[t]}", code, printed, bb, "typed", True)

    rh = pg.px(s["row_mm"] - 0.6)
    btop = y
    term_rows = list(zip(("h1", "h2", "y"), terms))
    if fam["results_layout"] == "terms-as-rows":  # classic: a row per term
        widths, heads = [32, 40, 40], cols
        grid = [(lab, [(kind, t) for kind, _v in data]) for t, lab in term_rows]
    else:  # a row per kind (conduct, learning/rank), a column per term
        widths, heads = [34, 19, 19, 19], list(terms)
        grid = [(c, [(kind, t) for t, _l in term_rows]) for c, (kind, _v) in zip(cols, data)]
    bx = [L]
    for wmm in widths:
        bx.append(bx[-1] + pg.px(wmm + cj[4]))
    for i, c in enumerate(heads):
        hf = pg.fitting(c, rf, bx[i + 2] - bx[i + 1] - pg.px(1.6))  # a printer fits a header to its cell
        w = pg.tlen(c, hf)
        pg.text((bx[i + 1] + bx[i + 2]) / 2 - w / 2, y + rh * 0.7, c, hf)
    y += rh
    for lab, cells in grid:
        pg.hline(bx[0], bx[-1], y)
        base = y + rh * 0.72
        pg.text(bx[0] + pad, base, lab, pg.fitting(lab, lf, bx[1] - bx[0] - 2 * pad))
        for i, (kind, t) in enumerate(cells):
            level_cell(bx[i + 1], bx[i + 2], base, kind, t)
        y += rh
    for x in bx:
        pg.vline(x, btop, y)
    pg.hline(bx[0], bx[-1], btop)
    pg.hline(bx[0], bx[-1], y)
    # absences, promotion, awards: right of the results table (classic) or below it
    if fam["bottom_block"] == "beside":
        rx, ry, step = bx[-1] + pg.px(6), btop + rh * 0.7, rh * 1.25
    else:
        rx, ry, step = L, y + rh * 0.9, rh * 1.1
    lab = "Tổng số buổi nghỉ học cả năm:"
    pg.text(rx, ry, lab, lf)
    pg.entry(rx + pg.tlen(lab, lf) + pg.px(2), ry, "absences", res["absences"],
             str(res["absences"]), critical=True)
    ry += step
    pg.entry(rx, ry, "promotion", res["promotion"], res["promotionText"], critical=True,
             maxw=R - rx)
    ry += step
    lab = "Khen thưởng:"
    pg.text(rx, ry, lab, lf)
    award = res["award"]
    pg.entry(rx + pg.tlen(lab, lf) + pg.px(2), ry, "awards", award, award or "không",
             maxw=R - rx - pg.tlen(lab, lf) - pg.px(2))
    if fam["name"] != "classic":
        y = max(y, ry + rh * 0.4)
    y += pg.px(9)
    # homeroom comment
    hf = pg.font(s["label_pt"], "bold")
    t = "NHẬN XÉT CỦA GIÁO VIÊN CHỦ NHIỆM"
    pg.text(L, y, t, hf)
    y += pg.px(7.5)
    pg.hand(L + pg.px(4), y, res["homeroomComment"], s["entry_pt"], path="homeroomComment",
            value=res["homeroomComment"], maxw=R - L - pg.px(8))
    y += pg.px(9)
    # two columns: GVCN (left) and principal approval (right)
    lc = L + (R - L) * 0.25
    rc = L + (R - L) * 0.72
    y0 = y
    t = "PHÊ DUYỆT CỦA HIỆU TRƯỞNG"
    pg.text(rc - pg.tlen(t, hf) / 2, y, t, hf)
    y += pg.px(6)
    datel = (f"{yr['school']['place']}, ngày {rng.randint(20, 31):02d} tháng 05 năm "
             f"{yr['start'] + 1}")
    pf = pg.font(s["label_pt"] - 0.5, "italic")
    pg.text(rc - pg.tlen(datel, pf) / 2, y, datel, pf)
    y += pg.px(6.5)
    vice = rng.random() < 0.35
    title = "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG" if vice else "HIỆU TRƯỞNG"
    approval_block(pg, st, rc, y, title, st["vice"] if vice else st["principal"], yr["school"])
    # GVCN
    gy = y0 + pg.px(12.5)
    t = "GIÁO VIÊN CHỦ NHIỆM"
    pg.text(lc - pg.tlen(t, hf) / 2, gy, t, hf)
    pg.signature(lc - pg.px(18), gy + pg.px(4), pg.px(36), pg.px(13))
    nm = res["homeroomTeacher"]
    hp = s["entry_pt"] + 1
    w = pg.tlen(nm, pg.hand_font(hp))
    pg.hand(lc - w / 2, gy + pg.px(26), nm, hp, path="homeroomTeacher", value=nm)
    return {"corrections": corrections}


# --------------------------------------------------------------------------------------
# Extras: blank and non-học-bạ page
# --------------------------------------------------------------------------------------

def render_letter(pg: Page, rng: random.Random) -> None:
    s = pg.style
    L, R = pg.px(s["margin_l"] + 6), pg.W - pg.px(s["margin_r"] + 6)
    y = pg.px(30)
    hf = pg.font(12, "bold")
    for t in ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"):
        pg.text((pg.W - pg.tlen(t, hf)) / 2, y, t, hf)
        y += pg.px(7)
    y += pg.px(12)
    t = "ĐƠN XIN NGHỈ HỌC"
    tf = pg.font(16, "bold")
    pg.text((pg.W - pg.tlen(t, tf)) / 2, y, t, tf)
    y += pg.px(16)
    body = ("Kính gửi: Cô giáo chủ nhiệm lớp. Em xin phép được nghỉ học hai ngày vì lý do gia "
            "đình có việc riêng. Em xin hứa sẽ chép bài đầy đủ và hoàn thành các bài tập được "
            "giao. Em xin trân trọng cảm ơn cô. Kính mong cô xem xét và chấp thuận cho em. "
            "Ý kiến của phụ huynh: đồng ý cho con nghỉ học theo đơn.")
    bf = pg.font(12)
    line = ""
    for word in body.split():
        cand = (line + " " + word).strip()
        if pg.tlen(cand, bf) > R - L:
            pg.text(L, y, line, bf)
            y += pg.px(8)
            line = word
        else:
            line = cand
    pg.text(L, y, line, bf)
    y += pg.px(20)
    pg.signature((L + R) / 2 + pg.px(20), y, pg.px(40), pg.px(14))


# --------------------------------------------------------------------------------------
# Scan simulation, rotation of boxes, saving
# --------------------------------------------------------------------------------------

def scan_params(rng: random.Random, variation: str) -> dict:
    k = {"low": 0.4, "normal": 1.0, "high": 1.6}[variation]
    rmax = {"low": 1.0, "normal": 3.0, "high": 7.0}[variation]
    return {
        "rotation": round(rng.uniform(-rmax, rmax), 2),
        "blur": round(rng.uniform(0.25, 0.45 + 0.35 * k), 2),
        "noise": round(rng.uniform(1.5, 2.5 + 2.0 * k), 2),
        "paper": paper_tone(rng, k),
        "jpeg_quality": rng.choice([68, 72, 76, 80]),
        "noise_seed": rng.randrange(2 ** 32),
    }


def paper_tone(rng: random.Random, k: float) -> tuple:
    r = 252 - rng.uniform(0, 5) * k
    g = r - rng.uniform(2, 6) * k
    b = g - rng.uniform(6, 16) * k
    return (int(r), int(g), int(b))


def rotate_point(x, y, W, H, deg):
    a = math.radians(deg)
    cx, cy = W / 2, H / 2
    dx, dy = x - cx, y - cy
    return (cx + dx * math.cos(a) + dy * math.sin(a), cy - dx * math.sin(a) + dy * math.cos(a))


def transform_box(box, fn):
    x, y, w, h = box
    pts = [fn(x, y), fn(x + w, y), fn(x, y + h), fn(x + w, y + h)]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return [int(math.floor(min(xs))), int(math.floor(min(ys))),
            int(math.ceil(max(xs) - min(xs))), int(math.ceil(max(ys) - min(ys)))]


def simulate_scan(img: Image.Image, fields: list[dict], sp: dict, dpi: int, colour: bool,
                  quarter_turns: int = 0) -> Image.Image:
    W, H = img.size
    nrng = np.random.default_rng(sp["noise_seed"])
    # paper tone: yellowish base with low-frequency unevenness; ink multiplies the paper
    grid = nrng.normal(0, 1, size=(9, 7)).astype(np.float32)
    lowf = Image.fromarray(((grid * 20) + 128).clip(0, 255).astype(np.uint8), "L").resize(
        (W, H), Image.Resampling.BICUBIC)
    lf = (np.asarray(lowf, dtype=np.float32) - 128) / 20 * 2.5
    paper = np.array(sp["paper"], dtype=np.float32)[None, None, :] + lf[:, :, None]
    arr = np.asarray(img, dtype=np.float32) / 255.0 * paper
    damage = sp.get("damage") or {}
    if damage:
        arr = scan_damage.apply_paper_damage(arr, img, damage, dpi)
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")
    # small rotation on the scanner bed
    rot = sp["rotation"]
    if rot:
        img = img.rotate(rot, resample=Image.Resampling.BICUBIC, expand=False,
                         fillcolor=(244, 244, 242))
        for f in fields:
            f["box"] = transform_box(f["box"], lambda x, y: rotate_point(x, y, W, H, rot))
            if "correction" in f:
                f["correction"]["oldBox"] = transform_box(
                    f["correction"]["oldBox"], lambda x, y: rotate_point(x, y, W, H, rot))
    if damage:
        img = scan_damage.apply_scanner_damage(img, fields, damage, transform_box)
    if sp["blur"] > 0:
        img = img.filter(ImageFilter.GaussianBlur(sp["blur"] * dpi / 300))
    # sensor noise (luminance)
    a = np.asarray(img, dtype=np.float32)
    n = nrng.normal(0, sp["noise"], size=a.shape[:2]).astype(np.float32)
    a = a + n[:, :, None]
    img = Image.fromarray(a.clip(0, 255).round().astype(np.uint8), "RGB")
    for _ in range(quarter_turns % 4):
        Wc, Hc = img.size
        img = img.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise
        for f in fields:
            f["box"] = transform_box(f["box"], lambda x, y, Wc=Wc: (y, Wc - x))
            if "correction" in f:
                f["correction"]["oldBox"] = transform_box(
                    f["correction"]["oldBox"], lambda x, y, Wc=Wc: (y, Wc - x))
    for f in fields:  # clip to the image
        x, y, w, h = f["box"]
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(img.width, x + w), min(img.height, y + h)
        f["box"] = [x0, y0, max(0, x1 - x0), max(0, y1 - y0)]
    if not colour:
        img = img.convert("L")
    return img


KEEP_GRAIN = False
FIXED_DATE = time.strptime("2025-01-01", "%Y-%m-%d")  # fixed PDF dates: byte-identical output


def clean_background(img: Image.Image) -> Image.Image:
    """Scanner-style background cleanup: pixels close to the local paper tone are replaced by
    a smooth, posterised paper tone (grain removed); ink, its anti-aliased edges and the noise
    on them are kept. Keeps lossless files small (a noisy 300 dpi page is ~4 MB otherwise)."""
    W, H = img.size
    small = img.resize((max(1, W // 16), max(1, H // 16)), Image.Resampling.BOX)
    small = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    bg = small.resize((W, H), Image.Resampling.BICUBIC)
    a = np.asarray(img, dtype=np.int16)
    b = np.asarray(bg, dtype=np.int16)
    la = a if a.ndim == 2 else a.mean(axis=2)
    lb = b if b.ndim == 2 else b.mean(axis=2)
    mask = la > lb - 14
    bq = (b // 4) * 4 + 2
    if a.ndim == 3:
        mask = mask[:, :, None]
    return Image.fromarray(np.where(mask, bq, a).clip(0, 255).astype(np.uint8), img.mode)


def to_storage(img: Image.Image) -> Image.Image:
    """Lossless storage form: 8-bit palette for colour pages (greys + blue/red inks),
    8-bit greyscale otherwise, after background cleanup unless --keep-grain."""
    if not KEEP_GRAIN:
        img = clean_background(img)
    if img.mode == "L":
        return img
    return img.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def save_single(img: Image.Image, path: str, fmt: str, dpi: int, sp: dict) -> None:
    if fmt == "png":
        to_storage(img).save(path, "PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "jpg":
        img.save(path, "JPEG", dpi=(dpi, dpi), quality=sp["jpeg_quality"], subsampling=2,
                 optimize=True, progressive=False)
    else:
        raise ValueError(fmt)


def save_multi(imgs: list[Image.Image], path: str, fmt: str, dpi: int) -> None:
    if fmt == "tif":
        st = [to_storage(i) for i in imgs]
        st[0].save(path, "TIFF", dpi=(dpi, dpi), compression="tiff_adobe_deflate",
                   save_all=True, append_images=st[1:])
    elif fmt == "pdf":
        # JPEG-in-PDF keeps the file small; Pillow writes no dates unless asked
        rgb = [(i if KEEP_GRAIN else clean_background(i)).convert("RGB") for i in imgs]
        rgb[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=rgb[1:],
                    quality=75, title="scangen synthetic hoc ba", creator="scangen",
                    producer="scangen", creationDate=FIXED_DATE, modDate=FIXED_DATE)
    else:
        raise ValueError(fmt)


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------

def page_truth(kind, st, yr, dpi, sp, fields, img, extra=None):
    t = {
        "generator": f"scangen {GENERATOR_VERSION}", "synthetic": True,
        "kind": kind, "studentKey": st["key"] if st else None,
        "schoolYear": yr["schoolYear"] if yr else None,
        "grade": yr["grade"] if yr else None,
        "regime": yr["regime"] if yr else None,
        "level": st["level"] if st else None,
        "dpi": dpi, "rotation": sp["rotation"], "imageSize": [img.width, img.height],
        "scan": {"blur": sp["blur"], "noise": sp["noise"], "paper": list(sp["paper"])},
        "fields": fields,
    }
    if sp.get("damage"):
        t["scan"]["damage"] = sorted(sp["damage"])
    if extra:
        t.update(extra)
    return t


def nfc_tree(o):
    if isinstance(o, str):
        return unicodedata.normalize("NFC", o)
    if isinstance(o, list):
        return [nfc_tree(x) for x in o]
    if isinstance(o, dict):
        return {k: nfc_tree(v) for k, v in o.items()}
    return o


def generate(out: str, students: int, seed: int, dpi: int = 300, variation: str = "normal",
             formats=("png",), extras=(), verbose=False, family: str = "classic") -> dict:
    if family not in layouts.CHOICES:
        raise SystemExit(f"scangen: unknown family {family!r} (one of {layouts.CHOICES})")
    fonts, hands = discover_fonts(verbose)
    # the new families may use more faces; classic keeps its own table (same random choices)
    family_fonts = {} if family == "classic" else \
        usable_families(layouts.EXTRA_PRINT_FAMILIES, verbose)
    all_fonts = {**fonts, **family_fonts}
    # mixed: the students take the new families in a seed-shuffled order, shifted by one each
    # round so that a family does not always meet the same archetype (they cycle by 3 too)
    fam_rng = random.Random(seed * 1000003 + 13)
    fam_order = list(layouts.POOLS.get(family, layouts.EVAL_FAMILIES))
    fam_rng.shuffle(fam_order)

    def pick_family(student=None):
        if family not in layouts.POOLS:
            return family
        n = len(fam_order)
        if student is None:  # an extra page
            return fam_order[fam_rng.randrange(n)]
        return fam_order[(student + student // n) % n]

    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    tdir = os.path.join(out, "truth")
    os.makedirs(tdir, exist_ok=True)
    singles = [f for f in formats if f in ("png", "jpg")]
    multis = [f for f in formats if f in ("tif", "pdf")]
    order = ARCHETYPES[:]
    rng.shuffle(order)
    manifest = {"generator": f"scangen {GENERATOR_VERSION}", "synthetic": True, "seed": seed,
                "students": [], "pages": [], "extras": [], "dpi": dpi, "variation": variation,
                "formats": list(formats), "fonts": sorted(fonts), "handFonts": sorted(hands),
                "truthDir": "truth", "family": family}
    if family_fonts:
        manifest["familyFonts"] = sorted(family_fonts)
    single_counter = 0
    rendered_pages = {}  # page id -> (render function args) for extras

    def page_dpi(prng):
        if variation == "high":
            return prng.choice([200, 300, 400])
        return dpi

    def build(pid, kind, st, yr, res, prng_seed, quarter_turns=0, rescan_of=None, dpi=None,
              fam_name="classic"):
        prng = random.Random(prng_seed)
        chosen = page_dpi(prng)
        # a book in one multi-page file is scanned in one batch: one resolution for all its pages
        pdpi = dpi or chosen
        style = choose_style(prng, variation, fonts, hands)
        fam = layouts.family(fam_name)
        frng = random.Random(prng_seed ^ 0x5CA9F0)  # the family's draws, apart from classic's
        layouts.apply_family(style, fam, frng, all_fonts)
        style["line_px"] = max(1, int(round(style["line_mm"] / 25.4 * pdpi)))
        pg = Page(prng, pdpi, style, all_fonts, hands)
        extra = {}
        if kind == "info":
            render_info(pg, st)
        elif kind.startswith("year"):
            extra = render_year(pg, st, yr, res)
        elif kind == "other":
            render_letter(pg, prng)
        img = pg.compose()
        sp = scan_params(prng, variation)
        if fam["damage"]:
            sp["damage"] = scan_damage.damage_params(frng, fam, pdpi)
        if rescan_of:
            sp["noise_seed"] = (sp["noise_seed"] + 7919) % (2 ** 32)
            sp["rotation"] = round(sp["rotation"] + 0.6, 2)
        fields = pg.fields
        img = simulate_scan(img, fields, sp, pdpi, pg.colour, quarter_turns)
        sp = dict(sp)
        sp["rotation"] = round(sp["rotation"] + 90 * (quarter_turns % 4), 2)
        ex = {"fonts": {"print": style["family"], "entries": style["entry_family"],
                        "hand": style["hand"]}}
        ex.update({k: v for k, v in extra.items() if k != "corrections"})
        if rescan_of:
            ex["duplicateOf"] = rescan_of
        ex["family"] = fam_name
        return img, page_truth(kind, st, yr, pdpi, sp, fields, img, ex), pdpi, sp

    def write_pages(pages, container, sprefix):
        nonlocal single_counter
        if container in ("tif", "pdf"):
            fname = f"{sprefix}.{container}"
            save_multi([p[1] for p in pages], os.path.join(out, fname), container, pages[0][3])
            for i, (pid, img, truth, pdpi, sp) in enumerate(pages):
                truth["file"], truth["pageIndex"] = fname, i
        else:
            for pid, img, truth, pdpi, sp in pages:
                fmt = container
                if container == "mixed":
                    fmt = "jpg" if single_counter % 3 == 1 else "png"
                    single_counter += 1
                fname = f"{pid}.{fmt}"
                save_single(img, os.path.join(out, fname), fmt, pdpi, sp)
                truth["file"], truth["pageIndex"] = fname, 0
        entries = []
        for pid, img, truth, pdpi, sp in pages:
            truth = nfc_tree(truth)
            tp = os.path.join("truth", f"{pid}.truth.json")
            with open(os.path.join(out, tp), "w", encoding="utf-8") as fh:
                json.dump(truth, fh, ensure_ascii=False, indent=1, sort_keys=False)
                fh.write("\n")
            entries.append({"id": pid, "file": truth["file"], "pageIndex": truth["pageIndex"],
                            "truth": tp, "kind": truth["kind"],
                            "studentKey": truth["studentKey"],
                            "schoolYear": truth["schoolYear"], "dpi": truth["dpi"]})
        return entries

    def container_for(i):
        if not multis:
            return "mixed" if len(singles) > 1 else singles[0]
        if not singles:
            return multis[i % len(multis)]
        slot = i % (len(multis) + 1)
        if slot == 0:
            return "mixed" if len(singles) > 1 else singles[0]
        return multis[slot - 1]

    students_data = []
    for i in range(students):
        arche = order[i % 3]
        st = make_student(random.Random(rng.randrange(2 ** 32)), i, arche)
        res_rng = random.Random(rng.randrange(2 ** 32))
        pages = []
        container = container_for(i)
        fam_name = pick_family(i)
        pid = f"{st['key']}-p1-info"
        seed_p = rng.randrange(2 ** 32)
        img, truth, pdpi, sp = build(pid, "info", st, None, None, seed_p, fam_name=fam_name)
        book_dpi = pdpi if container in ("tif", "pdf") else None
        pages.append((pid, img, truth, pdpi, sp))
        rendered_pages[pid] = ("info", st, None, None, seed_p, None, fam_name)
        for k, yr in enumerate(st["years"]):
            res = make_year_results(res_rng, st, yr)
            kind = f"year-{yr['regime'].lower()}-{st['level'].lower()}"
            pid = f"{st['key']}-p{k + 2}-y{yr['start'] + 1}"
            seed_p = rng.randrange(2 ** 32)
            img, truth, pdpi, sp = build(pid, kind, st, yr, res, seed_p, dpi=book_dpi,
                                         fam_name=fam_name)
            pages.append((pid, img, truth, pdpi, sp))
            rendered_pages[pid] = (kind, st, yr, res, seed_p, book_dpi, fam_name)
        manifest["pages"] += write_pages(pages, container, st["key"])
        manifest["students"].append({
            "key": st["key"], "level": st["level"], "archetype": st["archetype"],
            "family": fam_name, "container": container, "pages": [p[0] for p in pages],
            "years": [{"schoolYear": y["schoolYear"], "grade": y["grade"],
                       "regime": y["regime"]} for y in st["years"]]})
        students_data.append(st)
        del pages
    # extras
    ext_fmt = singles[0] if singles else "png"
    xrng = random.Random(seed * 7 + 1)
    targets = [p for p in rendered_pages if "-y" in p] or list(rendered_pages)
    n = 0
    for ex in extras:
        n += 1
        xid = f"x{n:02d}-{ex}"
        if ex in ("blank", "other"):
            img, truth, pdpi, sp = build(xid, ex, None, None, None, xrng.randrange(2 ** 32),
                                         fam_name=pick_family())
            entry = write_pages([(xid, img, truth, pdpi, sp)], ext_fmt, xid)
        elif ex in ("rot90", "rot180", "rescan"):
            if not targets:
                continue
            src = targets[(n - 1) % len(targets)]
            kind, st, yr, res, seed_p, book_dpi, fam_name = rendered_pages[src]
            qt = {"rot90": 1, "rot180": 2, "rescan": 0}[ex]
            img, truth, pdpi, sp = build(xid, kind, st, yr, res, seed_p, quarter_turns=qt,
                                         rescan_of=src if ex == "rescan" else None, dpi=book_dpi,
                                         fam_name=fam_name)
            truth["sourcePage"] = src
            entry = write_pages([(xid, img, truth, pdpi, sp)], ext_fmt, xid)
        elif ex == "corrupt":
            # a scan cut short in transfer: the first third of a real PNG page
            img, truth, pdpi, sp = build(xid, "other", None, None, None, xrng.randrange(2 ** 32),
                                         fam_name=pick_family())
            entry = write_pages([(xid, img, truth, pdpi, sp)], "png", xid)
            path = os.path.join(out, entry[0]["file"])
            with open(path, "rb") as fh:
                data = fh.read()
            with open(path, "wb") as fh:
                fh.write(data[: len(data) // 3])
            tpath = os.path.join(out, entry[0]["truth"])
            with open(tpath, encoding="utf-8") as fh:
                truth = json.load(fh)
            truth["kind"] = entry[0]["kind"] = "corrupt"
            truth["fields"] = []
            with open(tpath, "w", encoding="utf-8") as fh:
                json.dump(truth, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        else:
            raise SystemExit(f"scangen: unknown extra {ex!r}")
        manifest["extras"] += entry
    with open(os.path.join(tdir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(nfc_tree(manifest), fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Synthetic scanned học bạ pages with ground truth "
                                             "(all data invented).")
    ap.add_argument("--out")
    ap.add_argument("--students", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--variation", choices=["low", "normal", "high"], default="normal")
    ap.add_argument("--formats", default="png",
                    help="comma list of png,jpg,tif,pdf (tif/pdf: one multi-page file per student)")
    ap.add_argument("--extras", default="",
                    help="comma list of blank,other,rot90,rot180,rescan, or 'all'")
    ap.add_argument("--family", choices=layouts.CHOICES, default="classic",
                    help="layout family: classic (default, today's layout), "
                         + ", ".join(layouts.EVAL_FAMILIES) + " (evaluation), "
                         + ", ".join(layouts.DEV_FAMILIES) + " (development), mixed (one "
                         "evaluation family per student, drawn by seed) or devmix (one "
                         "development family per student)")
    ap.add_argument("--keep-grain", action="store_true",
                    help="keep the full paper grain in PNG/TIFF/PDF (files ~10x larger)")
    ap.add_argument("--check-fonts", action="store_true", help="print the usable fonts and exit")
    a = ap.parse_args(argv)
    if a.check_fonts:
        fonts, hands = discover_fonts(True)
        print("print fonts:", ", ".join(sorted(fonts)))
        print("hand fonts:", ", ".join(sorted(hands)))
        extra = usable_families(layouts.EXTRA_PRINT_FAMILIES, True)
        print("family fonts:", ", ".join(sorted(extra)))
        return 0
    if not a.out:
        ap.error("--out is required")
    formats = [f.strip().lower().replace("jpeg", "jpg").replace("tiff", "tif")
               for f in a.formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("png", "jpg", "tif", "pdf")]
    if bad or not formats:
        ap.error(f"unknown format(s): {bad}")
    global KEEP_GRAIN
    KEEP_GRAIN = a.keep_grain
    extras = [e.strip() for e in a.extras.split(",") if e.strip()]
    if extras == ["all"]:
        extras = ["blank", "other", "rot90", "rot180", "rescan", "corrupt"]
    m = generate(a.out, a.students, a.seed, a.dpi, a.variation, formats, extras,
                 family=a.family)
    print(f"scangen: {len(m['pages'])} pages for {len(m['students'])} students"
          f" (+{len(m['extras'])} extras) in {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
