"""Layout families for scangen: what a different printer or school software changes.

One place for every family. ``classic`` is today's layout (every knob at its default, and the
default code path draws exactly the random numbers it always drew, so its output stays
byte-identical). The other families override knobs; ``mixed`` draws one of the evaluation
families per student, ``devmix`` one of the development families.

Two pools, never mixed (issue 13): the development families (``DEV_FAMILIES``) are what the
pipeline is tuned on; the evaluation families (``EVAL_FAMILIES``: printers, fonts and wordings of
their own) are only scored. Both pools exercise the same kinds of variation (two-level headers,
transposed results tables, boxes for the CCCD, wrapped values, other label wordings), so a gain
that is general shows on both and a gain that is a patch for one set shows on one.

Knobs (defaults in DEFAULTS):
  label_fonts / entry_fonts  candidate print families, first installed one that passes the
                             Vietnamese coverage check wins (None: classic's random choice)
  label_pt / entry_pt        (lo, hi) point sizes, drawn per page (None: classic)
  margins                    ((lo, hi) left, (lo, hi) right, (lo, hi) top) in mm (None: classic)
  row_mm                     (lo, hi) subject-table row height in mm (None: classic)
  leaders                    None (classic: dotted on 60 % of pages), "dots", "underline", "none"
  labels                     label wording replacements on both page kinds
  wrap_residence             the residence value continues on a second line
  cccd_boxes                 the citizen ID is printed one digit per box (12 boxes)
  history_extra_rows         blank pre-printed rows added to the QUÁ TRÌNH HỌC TẬP table
  header_levels              1: one header row; 2: "HK I / HK II / Cả năm" under a spanning cell
  span_label                 the spanning cell's text (two-level headers)
  terms                      (first term, second term, year) wording in the table headers and
                             the results table (None: classic's "Học kì I"/"TBHK I" …)
  reassess_col               print the "đánh giá lại" column
  comment_col                None (classic: column printed, comments on some pages),
                             "always" (TT22 "Nhận xét" column filled on most rows), "none"
  results_layout             "terms-as-rows" (classic) or "kinds-as-rows" (transposed)
  bottom_block               "beside" (classic: absences/promotion/awards right of the results
                             table) or "below" (stacked under it)
  damage                     scan damage drawn per page: show-through, gutter, holes,
                             lighting, perspective
"""
from __future__ import annotations

import random

# print families that only the new families use (the classic font table stays as it was, so
# classic's random font choice is unchanged). family -> (regular, bold, italic)
# (Liberation Serif/Sans are in scangen's own table already.)
EXTRA_PRINT_FAMILIES = {
    "Liberation Mono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
                        "LiberationMono-Italic.ttf"),
    "FreeSerif": ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf"),
    "FreeSans": ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf"),
    "FreeMono": ("FreeMono.ttf", "FreeMonoBold.ttf", "FreeMonoOblique.ttf"),
    "DejaVu Sans Condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf",
                              "DejaVuSansCondensed-Oblique.ttf"),
    "DejaVu Serif Condensed": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf",
                               "DejaVuSerifCondensed-Italic.ttf"),
    "DejaVu Sans Mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
                         "DejaVuSansMono-Oblique.ttf"),
}

DEFAULTS = {
    "label_fonts": None, "entry_fonts": None, "label_pt": None, "entry_pt": None,
    "margins": None, "row_mm": None, "leaders": None, "labels": {},
    "wrap_residence": False, "cccd_boxes": False, "history_extra_rows": 0,
    "header_levels": 1, "span_label": "", "terms": None, "reassess_col": True,
    "comment_col": None, "results_layout": "terms-as-rows", "bottom_block": "beside",
    "damage": (),
}

FAMILIES = {
    "classic": {},
    # a provincial printer's book: serif labels, no leaders, CCCD boxes, ledger-style tables
    "ledger": {
        "label_fonts": ["Liberation Serif", "FreeSerif", "DejaVu Serif Condensed"],
        "entry_fonts": ["Liberation Sans", "FreeSans", "DejaVu Sans Condensed"],
        "label_pt": (11.2, 12.2), "entry_pt": (10.6, 11.4),
        "margins": ((20, 24), (10, 13), (14, 18)), "row_mm": (7.0, 7.6),
        "leaders": "none", "cccd_boxes": True, "history_extra_rows": 2,
        "labels": {"Chỗ ở hiện tại:": "Nơi ở hiện nay:", "Họ và tên cha:": "Họ tên cha:",
                   "Họ và tên mẹ:": "Họ tên mẹ:"},
        "terms": ("Học kỳ I", "Học kỳ II", "Cả năm"), "comment_col": "always",
        "results_layout": "kinds-as-rows", "bottom_block": "below",
        "damage": ("gutter", "holes"),
    },
    # school management software printout: condensed sans, two-level header, short headers
    "software": {
        "label_fonts": ["Liberation Sans", "FreeSans", "DejaVu Sans Condensed"],
        "entry_fonts": ["Liberation Mono", "FreeMono", "DejaVu Sans Mono",
                        "DejaVu Sans Condensed"],
        "label_pt": (9.4, 10.2), "entry_pt": (10.0, 10.8),
        "margins": ((11, 13), (11, 13), (10, 12)), "row_mm": (6.6, 7.2),
        "leaders": "underline", "wrap_residence": True,
        "labels": {"Họ và tên:": "Họ và tên học sinh:"},
        "header_levels": 2, "span_label": "Điểm trung bình / mức đánh giá",
        "terms": ("HK I", "HK II", "CN"), "reassess_col": False, "comment_col": "none",
        "damage": ("lighting", "perspective"),
    },
    # a district office's template: large serif, dotted leaders, "Điểm TB" spanning header
    "district": {
        "label_fonts": ["FreeSerif", "Liberation Serif", "DejaVu Serif"],
        "entry_fonts": ["DejaVu Serif Condensed", "FreeSerif", "Liberation Serif"],
        "label_pt": (11.0, 11.8), "entry_pt": (11.6, 12.4),
        "margins": ((24, 27), (17, 20), (13, 16)), "row_mm": (8.0, 8.6),
        "leaders": "dots", "cccd_boxes": True, "history_extra_rows": 1,
        "labels": {"Mã định danh cá nhân:": "Mã số định danh cá nhân:"},
        "header_levels": 2, "span_label": "Điểm TB",
        "terms": ("Học kì I", "Học kì II", "Cả năm"), "comment_col": "always",
        "results_layout": "kinds-as-rows", "bottom_block": "beside",
        "damage": ("show-through", "holes", "lighting"),
    },
}

# development families: tuned on (with classic); never part of the evaluation set
DEV_FAMILIES = {
    # a private printer's book: serif labels, underlined values, two-level header with Arabic
    # term numbers, transposed results table with the bottom block below it, CCCD boxes
    "workshop": {
        "label_fonts": ["DejaVu Serif", "Liberation Serif"],
        "entry_fonts": ["DejaVu Sans", "Liberation Sans"],
        "label_pt": (10.6, 11.4), "entry_pt": (10.4, 11.2),
        "margins": ((17, 20), (13, 16), (12, 15)), "row_mm": (7.2, 7.8),
        "leaders": "underline", "cccd_boxes": True, "history_extra_rows": 1,
        "labels": {"Họ và tên:": "Họ tên:", "Chỗ ở hiện tại:": "Nơi cư trú:"},
        "header_levels": 2, "span_label": "Kết quả đánh giá",
        "terms": ("Học kì 1", "Học kì 2", "Cả năm"), "comment_col": "always",
        "results_layout": "kinds-as-rows", "bottom_block": "below",
        "damage": ("lighting", "gutter"),
    },
    # a county office's sans-serif form: dotted leaders, short joined term headers, no comments,
    # wrapped residence, other ID wording
    "county": {
        "label_fonts": ["FreeSans", "DejaVu Sans"],
        "entry_fonts": ["FreeSerif", "DejaVu Serif"],
        "label_pt": (9.8, 10.6), "entry_pt": (10.8, 11.6),
        "margins": ((13, 15), (9, 11), (9, 11)), "row_mm": (6.4, 7.0),
        "leaders": "dots", "wrap_residence": True,
        "labels": {"Mã định danh cá nhân:": "Số định danh cá nhân:", "Họ và tên mẹ:": "Họ tên mẹ:"},
        "terms": ("HKI", "HKII", "Cả năm"), "comment_col": "none",
        "bottom_block": "below", "damage": ("show-through", "perspective", "holes"),
    },
    # a city school's own print: small condensed labels, typewriter-like entries, no leaders, older
    # wordings (date of birth spelled out, "bố", registered residence), a spanning header over
    # "HK1/HK2", comments on most rows, many blank history rows
    "cityschool": {
        "label_fonts": ["DejaVu Sans Condensed", "Liberation Sans"],
        "entry_fonts": ["FreeMono", "DejaVu Sans Mono"],
        "label_pt": (9.0, 9.8), "entry_pt": (10.2, 11.0),
        "margins": ((10, 12), (8, 10), (8, 10)), "row_mm": (6.2, 6.8),
        "leaders": "none", "wrap_residence": True, "history_extra_rows": 3,
        "labels": {"Ngày sinh:": "Ngày, tháng, năm sinh:", "Họ và tên cha:": "Họ và tên bố:",
                   "Chỗ ở hiện tại:": "Hộ khẩu thường trú:"},
        "header_levels": 2, "span_label": "Điểm trung bình các môn",
        "terms": ("HK1", "HK2", "Cả năm"), "reassess_col": False, "comment_col": "always",
        "bottom_block": "beside", "damage": ("show-through", "lighting"),
    },
    # a provincial department's large-print form: condensed serif labels, serif entries, wide margins, a
    # spanning header over the terms with the reassessment column kept, conduct/learning as rows with the
    # terms as columns and the absences/promotion block beside it
    "province": {
        "label_fonts": ["DejaVu Serif Condensed", "FreeSerif"],
        "entry_fonts": ["Liberation Serif", "DejaVu Serif"],
        "label_pt": (11.4, 12.4), "entry_pt": (11.8, 12.6),
        "margins": ((22, 26), (15, 19), (14, 17)), "row_mm": (7.1, 7.6),
        "leaders": "dots", "cccd_boxes": True, "history_extra_rows": 2,
        "header_levels": 2, "span_label": "Điểm tổng kết môn",
        "terms": ("Học kì I", "Học kì II", "Cả năm"), "comment_col": "always",
        "results_layout": "kinds-as-rows", "bottom_block": "beside",
        "damage": ("gutter", "show-through", "holes"),
    },
}

EVAL_FAMILIES = [f for f in FAMILIES if f != "classic"]
FAMILIES.update(DEV_FAMILIES)
POOLS = {"mixed": EVAL_FAMILIES, "devmix": list(DEV_FAMILIES)}
CHOICES = list(FAMILIES) + list(POOLS)


def family(name: str) -> dict:
    """The knobs of one family, defaults filled in."""
    out = dict(DEFAULTS)
    out.update(FAMILIES[name])
    out["name"] = name
    return out


def apply_family(style: dict, fam: dict, frng: random.Random, fonts: dict) -> dict:
    """Override the classic style with a layout family's knobs (drawn from frng, a random
    stream of its own: the classic draws stay as they were)."""
    style["fam"] = fam
    if fam["name"] == "classic":
        return style
    for key, cands in (("family", fam["label_fonts"]), ("entry_family", fam["entry_fonts"])):
        ok = [c for c in cands or () if c in fonts]
        if ok:
            style[key] = ok[0]
    for key in ("label_pt", "entry_pt", "row_mm"):
        if fam[key]:
            style[key] = round(frng.uniform(*fam[key]), 1)
    if fam["margins"]:
        for key, rng_ in zip(("margin_l", "margin_r", "margin_t"), fam["margins"]):
            style[key] = frng.uniform(*rng_)
    if fam["leaders"]:
        style["leaders"] = fam["leaders"]
        style["dotted"] = fam["leaders"] == "dots"
    if fam["comment_col"] == "always":
        style["subject_comments"] = True
    elif fam["comment_col"] == "none":
        style["subject_comments"] = False
    return style
