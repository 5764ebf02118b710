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


# --------------------------------------------------------------------------------------
# Layout families (families.py)
# --------------------------------------------------------------------------------------

# sha256 of a 2-student run (seed 5, 100 dpi, png+tif) made before the families existed:
# images byte for byte, truth files as JSON without the "family" key that came with them
CLASSIC_HASHES = {
    "s001-p1-info.png": "77ee2edadc6341014c6a2f6cd6a7fc25d76e84df84011a881785f440909cdb4a",
    "s001-p2-y2024.png": "9d72a9d31023efc25d4b67468ce53950bfbedec361304f24fd9b8ddeac533134",
    "s001-p3-y2025.png": "8e31d2b8c399979c5a3cd7d44d768c13d73df22c18beac10a246e94c3f86532b",
    "s002.tif": "7c5b1348c269f0eb7a83d2460d5611ee86f9b1da7be9ae009a1851205d7a45b9",
    "manifest.json": "a54a1af534e15f23d6fb8d0d36563995fd20200d5148e6d8e45143306e49c5d4",
    "s001-p1-info.truth.json": "31ac7adc67f12f8b82a2872e218da15786c3f2b1728a5ebe235c9ad49d093509",
    "s001-p2-y2024.truth.json": "5ae5fa841a239ca6eb815117a8dbab1ed3e8426dfa580ff074cbb408c257fc7a",
    "s001-p3-y2025.truth.json": "808d7f083dbaa7f00275b81b35160cfba21e4f3c56b189c5a72db8656184eb6d",
    "s002-p1-info.truth.json": "52364e9b12e6014ef3e5fef7133ceb1a1c1c5fa3ddee5bd438f7db21b964b4f1",
    "s002-p2-y2023.truth.json": "a92ae7253825ecd17e61501d43010d3048aac8b586b44d4d104929582466d812",
    "s002-p3-y2024.truth.json": "6e1a3e36e3a0952ac13fd49b336cdc0eafba091e6aa5c7be3e9a9acb16c0123d",
    "s002-p4-y2025.truth.json": "e3030bfff05a55cea7d1de2043e0378d840a3316c1337fa563edb778c1be85c5",
}


def _classic_digest(out):
    res = {}
    for p in sorted(glob.glob(os.path.join(out, "*.*"))):
        with open(p, "rb") as fh:
            res[os.path.basename(p)] = hashlib.sha256(fh.read()).hexdigest()
    for p in sorted(glob.glob(os.path.join(out, "truth", "*.json"))):
        with open(p, encoding="utf-8") as fh:
            t = json.load(fh)
        assert t.pop("family") == "classic"
        for s in t.get("students", []):
            assert s.pop("family") == "classic"
        text = json.dumps(t, sort_keys=True, ensure_ascii=False).encode()
        res[os.path.basename(p)] = hashlib.sha256(text).hexdigest()
    return res


def test_classic_family_is_unchanged(tmp_path):
    """The default family renders what scangen rendered before the families (stored hashes)."""
    fonts, _hands = scangen.discover_fonts()
    if sorted(fonts) != ["DejaVu Sans", "DejaVu Serif"]:
        pytest.skip("the stored hashes were made with the DejaVu fonts only")
    out = str(tmp_path / "classic")
    scangen.generate(out, 2, 5, dpi=100, formats=("png", "tif"))
    assert _classic_digest(out) == CLASSIC_HASHES
    out2 = str(tmp_path / "classic2")
    scangen.generate(out2, 2, 5, dpi=100, formats=("png", "tif"), family="classic")
    assert _digest_tree(out) == _digest_tree(out2)


ALL_NEW = scangen.layouts.EVAL_FAMILIES + list(scangen.layouts.DEV_FAMILIES)


def test_development_and_evaluation_families_are_apart():
    """The families tuned on and the families only scored never overlap (issue 13)."""
    dev, ev = set(scangen.layouts.DEV_FAMILIES), set(scangen.layouts.EVAL_FAMILIES)
    assert dev and ev and not dev & ev and "classic" not in dev | ev
    assert scangen.layouts.POOLS == {"mixed": scangen.layouts.EVAL_FAMILIES,
                                     "devmix": list(scangen.layouts.DEV_FAMILIES)}


@pytest.mark.parametrize("family", ALL_NEW)
def test_each_family_gets_its_first_choice_of_fonts(family):
    """The fonts a family is drawn in are installed (scripts/debian-packages.txt: fonts-liberation2,
    fonts-freefont-ttf) and cover Vietnamese: a machine without them would draw another layout."""
    fonts, _hands = scangen.discover_fonts()
    usable = {**fonts, **scangen.usable_families(scangen.layouts.EXTRA_PRINT_FAMILIES)}
    knobs = scangen.layouts.family(family)
    for key in ("label_fonts", "entry_fonts"):
        assert knobs[key][0] in usable, (family, key, knobs[key][0])


def _family_run(tmp_path_factory, family, seed=21, students=3):
    out = str(tmp_path_factory.mktemp(f"fam-{family}"))
    scangen.generate(out, students, seed, dpi=90, formats=("png",), extras=("rot90",),
                     family=family)
    return out


@pytest.fixture(scope="module")
def family_runs(tmp_path_factory):
    names = ["classic"] + ALL_NEW + list(scangen.layouts.POOLS)
    return {f: _family_run(tmp_path_factory, f) for f in names}


def _by_id(root):
    return {os.path.basename(p)[: -len(".truth.json")]: t
            for p, t in zip(sorted(glob.glob(os.path.join(root, "truth", "*.truth.json"))),
                            _truths(root))}


@pytest.mark.parametrize("family", ALL_NEW + list(scangen.layouts.POOLS))
def test_family_deterministic_per_seed(family, family_runs, tmp_path_factory):
    again = _family_run(tmp_path_factory, family)
    assert _digest_tree(family_runs[family]) == _digest_tree(again)


@pytest.mark.parametrize("family", ALL_NEW)
def test_family_differs_visibly_from_classic_with_the_same_fields(family, family_runs):
    classic, new = _by_id(family_runs["classic"]), _by_id(family_runs[family])
    assert classic.keys() == new.keys()  # same students, same pages
    moved = 0
    for pid, t in new.items():
        assert t["family"] == family
        c = classic[pid]
        assert t["kind"] == c["kind"]
        boxes = {f["path"]: f["box"] for f in t["fields"]}
        cboxes = {f["path"]: f["box"] for f in c["fields"]}
        # the same field paths; only the optional subject comments may come and go
        strip = lambda ps: {p for p in ps if not p.endswith(".comment")}  # noqa: E731
        assert strip(boxes) == strip(cboxes), pid
        for path in ("student.fullName", "header.fullName", "student.citizenID", "absences"):
            if path in boxes and boxes[path][:2] != cboxes[path][:2]:
                moved += 1
    assert moved >= 3, "label/value positions should move in another family"
    for pid in new:
        with Image.open(os.path.join(family_runs[family], new[pid]["file"])) as a, \
                Image.open(os.path.join(family_runs["classic"], classic[pid]["file"])) as b:
            assert a.tobytes() != b.tobytes()


@pytest.mark.parametrize("family", ALL_NEW + list(scangen.layouts.POOLS))
def test_family_boxes_inside_image_and_values_consistent(family, family_runs):
    truths = _truths(family_runs[family])
    for t in truths:
        W, H = t["imageSize"]
        for f in t["fields"]:
            x, y, w, h = f["box"]
            # inside the image, and clear of its bottom edge (a page whose content overflowed)
            assert 0 <= x and 0 <= y and x + w <= W and y + h <= H, (t["kind"], f["path"])
            assert w > 0 and h > 0 and y + h < H - 4 * t["dpi"] / 25.4, \
                (family, t["kind"], f["path"])
            assert unicodedata.normalize("NFC", f["printed"]) == f["printed"]
        fields = {f["path"]: f for f in t["fields"]}
        if t["kind"] == "info":
            cid = fields["student.citizenID"]
            assert cid["value"].isdigit() and len(cid["value"]) == 12
        if t["kind"].startswith("year"):
            cnt = fields["corrections.count"]
            assert int(cnt["value"]) == sum(1 for f in t["fields"] if "correction" in f)


@pytest.mark.parametrize("pool", list(scangen.layouts.POOLS))
def test_a_pool_draws_its_own_families_per_student(pool, family_runs):
    m = json.load(open(os.path.join(family_runs[pool], "truth", "manifest.json"),
                       encoding="utf-8"))
    assert m["family"] == pool
    fam = {s["key"]: s["family"] for s in m["students"]}
    members = set(scangen.layouts.POOLS[pool])
    assert set(fam.values()) <= members and len(set(fam.values())) == min(3, len(members))
    for t in _truths(family_runs[pool]):
        if t["studentKey"]:
            assert t["family"] == fam[t["studentKey"]]
        if t["kind"] not in ("blank", "other", "corrupt"):
            assert t["family"] in members


def test_family_features_appear(family_runs):
    """Each family prints what its table says (spot checks in the truth)."""
    for family in ALL_NEW:
        knobs = scangen.layouts.family(family)
        for t in _truths(family_runs[family]):
            fields = {f["path"]: f for f in t["fields"]}
            if t["kind"] == "info":
                assert (fields["student.citizenID"].get("printedAs") == "boxes") == \
                    knobs["cccd_boxes"]
                assert ("lines" in fields["student.residence"]) == knobs["wrap_residence"]
            if t["kind"].startswith("year") and knobs["comment_col"] == "none":
                assert not any(p.endswith(".comment") for p in fields)
            if t["kind"] not in ("corrupt",):
                assert t["scan"].get("damage", []) == sorted(knobs["damage"])
