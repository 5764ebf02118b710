"""Scan damage for scangen's layout families: show-through, gutter shadow, punched holes,
uneven lighting and slight perspective. Parameters are drawn per page from the family's own
random stream (families.py lists which damage a family gets); the classic family gets none.
"""
from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageFilter, ImageOps


def damage_params(frng: random.Random, fam: dict, dpi: int) -> dict:
    """The family's scan damage for one page (drawn from the family's own random stream)."""
    d = {}
    mm = dpi / 25.4
    for kind in fam["damage"]:
        if kind == "show-through":  # the back page's print, mirrored and faint
            d[kind] = {"alpha": round(frng.uniform(0.07, 0.14), 3),
                       "shift": frng.randint(-int(12 * mm), int(12 * mm))}
        elif kind == "gutter":  # shadow of the binding along one edge
            d[kind] = {"side": frng.choice(["left", "right"]),
                       "width": round(frng.uniform(8, 16) * mm), "depth": round(frng.uniform(0.25, 0.45), 3)}
        elif kind == "holes":  # two punched holes in the left margin
            r = frng.uniform(2.6, 3.2) * mm
            x = frng.uniform(6.5, 8.5) * mm
            d[kind] = [[round(x), round(f * 297 * mm), round(r)] for f in (0.36, 0.64)]
        elif kind == "lighting":  # uneven lamp: a linear fall-off across the page
            d[kind] = {"angle": round(frng.uniform(0, 360), 1), "depth": round(frng.uniform(0.06, 0.14), 3)}
        elif kind == "perspective":  # the sheet not flat on the glass: corners moved
            m = 0.004
            d[kind] = [round(frng.uniform(-m, m), 4) for _ in range(8)]
    return d


def perspective_coeffs(src, dst):
    """The 8 coefficients of the projective map taking the 4 points src to dst."""
    a = []
    b = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.linalg.solve(np.array(a, dtype=np.float64), np.array(b, dtype=np.float64))


def apply_paper_damage(arr: np.ndarray, img: Image.Image, d: dict, dpi: int) -> np.ndarray:
    """Damage that belongs to the sheet (before it is laid on the scanner): float RGB array."""
    H, W = arr.shape[:2]
    if "show-through" in d:
        back = ImageOps.mirror(img.convert("L")).filter(ImageFilter.GaussianBlur(2.5 * dpi / 300))
        b = np.roll(np.asarray(back, dtype=np.float32) / 255.0, d["show-through"]["shift"], axis=0)
        arr = arr * (1 - d["show-through"]["alpha"] * (1 - b))[:, :, None]
    if "gutter" in d:
        g = d["gutter"]
        x = np.arange(W, dtype=np.float32)
        dist = x if g["side"] == "left" else (W - 1 - x)
        arr = arr * (1 - g["depth"] * np.exp(-dist / g["width"] * 2.5))[None, :, None]
    if "holes" in d:
        for hx, hy, r in d["holes"]:
            y0, x0 = max(0, hy - 2 * r), max(0, hx - 2 * r)
            sub = (slice(y0, hy + 2 * r), slice(x0, hx + 2 * r))
            yy, xx = np.ogrid[y0:min(H, hy + 2 * r), x0:min(W, hx + 2 * r)]
            dd = np.hypot(xx - hx, yy - hy)
            hole = np.clip(r - dd + 1, 0, 1)
            arr[sub] = arr[sub] * (1 - hole[:, :, None]) + 58.0 * hole[:, :, None]
    return arr


def apply_scanner_damage(img: Image.Image, fields: list[dict], d: dict,
                         transform_box) -> Image.Image:
    """Damage from the scanner (after the sheet's skew): lighting, perspective. The truth boxes
    follow the perspective through transform_box(box, point_map)."""
    W, H = img.size
    if "perspective" in d:
        o = d["perspective"]
        src = [(0, 0), (W, 0), (W, H), (0, H)]
        dst = [(x + o[2 * i] * W, y + o[2 * i + 1] * H) for i, (x, y) in enumerate(src)]
        inv = perspective_coeffs(dst, src)  # PIL maps output pixels back to input pixels
        img = img.transform((W, H), Image.Transform.PERSPECTIVE, tuple(inv),
                            Image.Resampling.BICUBIC, fillcolor=(244, 244, 242))
        c = perspective_coeffs(src, dst)

        def fwd(x, y):
            w = c[6] * x + c[7] * y + 1
            return ((c[0] * x + c[1] * y + c[2]) / w, (c[3] * x + c[4] * y + c[5]) / w)
        for f in fields:
            f["box"] = transform_box(f["box"], fwd)
            if "correction" in f:
                f["correction"]["oldBox"] = transform_box(f["correction"]["oldBox"], fwd)
    if "lighting" in d:
        a = math.radians(d["lighting"]["angle"])
        yy, xx = np.ogrid[0:H, 0:W]
        t = ((xx - W / 2) * math.cos(a) + (yy - H / 2) * math.sin(a)) / max(W, H) + 0.5
        shade = 1 - d["lighting"]["depth"] * np.clip(t, 0, 1)
        arr = np.asarray(img, dtype=np.float32) * shade[:, :, None]
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")
    return img
