"""Self-check for scangen (pytest; needs only Pillow + numpy + pytest).

Run: python3 -m pytest tools/scangen -q
"""
import glob
import hashlib
import json
import os
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import pytest
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scangen  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
SCANS_TRUTH = os.path.join(REPO, "Scans", "truth")


def _digest_tree(root):
    out = {}
    for p in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
        if os.path.isfile(p):
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out


@pytest.fixture(scope="module")
def run1(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("run1"))
    scangen.generate(out, 1, 7, dpi=150, formats=("png", "jpg"), extras=("blank",))
    return out


def _truths(root):
    res = []
    for p in sorted(glob.glob(os.path.join(root, "truth", "*.truth.json"))):
        with open(p, encoding="utf-8") as fh:
            res.append(json.load(fh))
    return res


def _all_truth_sets(run1):
    sets = [_truths(run1)]
    if os.path.isdir(SCANS_TRUTH):
        sets.append(_truths(os.path.dirname(SCANS_TRUTH)))
    return [t for s in sets for t in s]


def test_fonts_cover_vietnamese():
    fonts, hands = scangen.discover_fonts()
    assert fonts and hands
    for paths in fonts.values():
        for p in paths:
            assert scangen.missing_glyphs(p) == ""
    assert len(scangen.vietnamese_letters()) == 12 * 6 * 2 + 2


def test_deterministic_one_student(run1, tmp_path):
    out2 = str(tmp_path / "run2")
    scangen.generate(out2, 1, 7, dpi=150, formats=("png", "jpg"), extras=("blank",))
    assert _digest_tree(run1) == _digest_tree(out2)


def test_pdf_tif_deterministic(tmp_path):
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    for d in (a, b):
        scangen.generate(d, 2, 3, dpi=100, formats=("pdf", "tif"))
    assert _digest_tree(a) == _digest_tree(b)
    assert os.path.exists(os.path.join(a, "s001.pdf")) and os.path.exists(os.path.join(a, "s002.tif"))
    with Image.open(os.path.join(a, "s002.tif")) as im:
        assert im.n_frames >= 2


def test_truth_boxes_inside_image_and_nfc(run1):
    for t in _all_truth_sets(run1):
        W, H = t["imageSize"]
        for f in t["fields"]:
            x, y, w, h = f["box"]
            assert 0 <= x and 0 <= y and x + w <= W and y + h <= H, (t["kind"], f["path"])
            assert f["style"] in ("typed", "handwritten")
            for k in ("value", "printed"):
                assert unicodedata.normalize("NFC", f[k]) == f[k]


def test_images_carry_dpi(run1):
    m = json.load(open(os.path.join(run1, "truth", "manifest.json"), encoding="utf-8"))
    for p in m["pages"] + m["extras"]:
        with Image.open(os.path.join(run1, p["file"])) as im:
            dpi = im.info.get("dpi")
            assert dpi and round(dpi[0]) == p["dpi"]
            t = json.load(open(os.path.join(run1, p["truth"]), encoding="utf-8"))
            assert list(im.size) == t["imageSize"]


def test_cccd_consistent(run1):
    n = 0
    for t in _all_truth_sets(run1):
        if t["kind"] != "info":
            continue
        f = {x["path"]: x["value"] for x in t["fields"]}
        cid, sex, birth = f["student.citizenID"], f["student.sex"], f["student.birthDate"]
        assert len(cid) == 12 and cid.isdigit()
        assert cid[:3] in scangen.PROVINCES
        d4 = int(cid[3])
        assert (d4 % 2 == 0) == (sex == "M")
        assert 1900 + 100 * (d4 // 2) + int(cid[4:6]) == int(birth[:4])
        n += 1
    assert n >= 1


def test_year_average_half_up(run1):
    n = 0
    for t in _all_truth_sets(run1):
        if not t["kind"].startswith("year"):
            continue
        f = {x["path"]: x["value"] for x in t["fields"]}
        codes = {p.split(".")[1] for p in f if p.startswith("subjects.")}
        for c in codes:
            h1, h2, y = (f.get(f"subjects.{c}.{k}") for k in ("firstTerm", "secondTerm", "fullYear"))
            if h1 in ("Đ", "CĐ"):
                if t["regime"] == "TT22":
                    assert y == h2
                continue
            exp = ((Decimal(h1) + 2 * Decimal(h2)) / 3).quantize(Decimal("0.1"), ROUND_HALF_UP)
            assert Decimal(y) == exp, (t["studentKey"], t["schoolYear"], c)
            n += 1
        if t["regime"] == "TT22":
            c1 = f["summary.conduct.firstTerm"]
            c2 = f["summary.conduct.secondTerm"]
            assert f["summary.conduct.fullYear"] == scangen.CONDUCT_YEAR_TT22[(c1, c2)]
        cnt = [x for x in t["fields"] if x["path"] == "corrections.count"][0]
        assert int(cnt["value"]) == len(cnt.get("corrections", []))
        assert int(cnt["value"]) == sum(1 for x in t["fields"] if "correction" in x)
    assert n > 0


def test_roadmap():
    assert not scangen.is_tt22(6, 2020) and scangen.is_tt22(6, 2021)
    assert not scangen.is_tt22(7, 2021) and scangen.is_tt22(10, 2022)
    assert not scangen.is_tt22(9, 2023) and scangen.is_tt22(12, 2024)
    assert scangen.year_average(Decimal("6.6"), Decimal("6.4")) == Decimal("6.5")


def test_corrupt_extra_is_a_truncated_png_and_books_share_one_resolution(tmp_path):
    out = str(tmp_path)
    scangen.generate(out, 2, 11, formats=("png", "tif"), extras=("corrupt",), variation="high")
    m = json.load(open(os.path.join(out, "truth", "manifest.json"), encoding="utf-8"))
    corrupt = [e for e in m["extras"] if e["kind"] == "corrupt"]
    assert len(corrupt) == 1
    path = os.path.join(out, corrupt[0]["file"])
    with open(path, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(OSError):
        Image.open(path).load()
    by_file = {}
    for p in m["pages"]:
        by_file.setdefault(p["file"], set()).add(p["dpi"])
    books = [f for f in by_file if f.endswith(".tif")]
    assert books, "the run has a multi-page TIFF"
    for f in books:
        assert len(by_file[f]) == 1, f"{f} mixes resolutions {by_file[f]}"
        with Image.open(os.path.join(out, f)) as tif:
            for frame in range(tif.n_frames):
                tif.seek(frame)
                assert round(tif.info["dpi"][0]) == next(iter(by_file[f]))
