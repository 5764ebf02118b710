#!/usr/bin/env python3
"""Regenerates the ScanCapture test fixtures (synthetic pages, no real student data).

Needs Python 3 with Pillow and the DejaVu fonts (fonts-dejavu-core). Run from any folder:
    python3 Tests/ScanCaptureTests/Fixtures/make_fixtures.py
Pages are half-A4-width to keep the files small; text is 12 pt at 300 dpi.
"""
import hashlib
import os
import random

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DPI = (300, 300)
WIDTH, HEIGHT = 1400, 1300

# Score cells (x, y, width, height) in the upright page; the tests read these positions.
SCORE_CELLS = [(900, 700, 260, 90), (900, 790, 260, 90), (900, 880, 260, 90)]
SCORES = ["7,8", "10", "6,5"]


def out(name):
    return os.path.join(HERE, name)


def text_page():
    img = Image.new("L", (WIDTH, HEIGHT), 255)
    d = ImageDraw.Draw(img)
    body = ImageFont.truetype(FONT, 50)
    bold = ImageFont.truetype(FONT_BOLD, 58)
    d.text((120, 110), "HỌC BẠ TRUNG HỌC CƠ SỞ", font=bold, fill=0)
    lines = [
        "Họ và tên: Nguyễn Thị Thuỷ",
        "Ngày sinh: 12/03/2009",
        "Trường: THCS Lê Quý Đôn, Đống Đa",
        "Năm học: 2023-2024   Lớp: 9A2",
    ]
    for i, line in enumerate(lines):
        d.text((120, 260 + i * 90), line, font=body, fill=0)
    # A ruled table: Môn học | Điểm TB.
    rows = [("Môn học", "Điểm TB"), ("Toán", SCORES[0]), ("Ngữ văn", SCORES[1]), ("Tiếng Anh", SCORES[2])]
    top, left, mid, right, rh = 610, 120, 900, 1160, 90
    for r, (subject, score) in enumerate(rows):
        y = top + r * rh
        d.text((left + 25, y + 18), subject, font=body, fill=0)
        d.text((mid + 25, y + 18), score, font=body, fill=0)
    for r in range(len(rows) + 1):
        d.line([(left, top + r * rh), (right, top + r * rh)], fill=0, width=3)
    for x in (left, mid, right):
        d.line([(x, top), (x, top + len(rows) * rh)], fill=0, width=3)
    d.text((120, 1020), "Giáo viên chủ nhiệm ký và ghi rõ họ tên", font=body, fill=0)
    d.text((120, 1110), "Hà Nội, ngày 25 tháng 5 năm 2024", font=body, fill=0)
    return img


def save_png(img, name):
    img.save(out(name), dpi=DPI, optimize=True)


def red_seal(page):
    rgb = page.convert("RGB")
    seal = Image.new("RGB", rgb.size, (255, 255, 255))
    d = ImageDraw.Draw(seal)
    cx, cy, r = 950, 330, 190
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(215, 30, 35), width=14)
    d.ellipse([cx - r + 40, cy - r + 40, cx + r - 40, cy + r - 40], outline=(215, 30, 35), width=6)
    d.text((cx - 110, cy - 30), "ĐÃ KÝ", font=ImageFont.truetype(FONT_BOLD, 60), fill=(215, 30, 35))
    # Multiply: black text under the seal stays black, like ink stamped over print.
    from PIL import ImageChops
    return ImageChops.multiply(rgb, seal)


def blank_page():
    rng = random.Random(7)
    img = Image.new("L", (WIDTH, HEIGHT), 250)
    px = img.load()
    for _ in range(400):
        px[rng.randrange(WIDTH), rng.randrange(HEIGHT)] = rng.randrange(120, 200)
    return img


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    result = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        result.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(result)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def pdf_file(objects, trailer_extra=b""):
    """Writes a PDF from numbered object bodies with a correct xref table."""
    data = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    data += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(data)


def encrypted_pdf():
    """A one-page PDF protected with user password "matkhau" (Standard handler, RC4 40-bit, R2)."""
    file_id = hashlib.md5(b"hocba-fixture").digest()
    user, owner = b"matkhau", b"chusohuu"
    permissions = -44
    o_key = hashlib.md5((owner + PAD)[:32]).digest()[:5]
    o_value = rc4(o_key, (user + PAD)[:32])
    p_bytes = (permissions & 0xFFFFFFFF).to_bytes(4, "little")
    key = hashlib.md5((user + PAD)[:32] + o_value + p_bytes + file_id).digest()[:5]
    u_value = rc4(key, PAD)
    content = b"BT /F1 24 Tf 72 720 Td (Hoc ba) Tj ET"
    object_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
    stream = rc4(object_key, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <"
        + u_value.hex().encode() + b"> /P %d >>" % permissions,
    ]
    hex_id = file_id.hex().encode()
    return pdf_file(objects, b"/Encrypt 5 0 R /ID [<" + hex_id + b"> <" + hex_id + b">] ")


def empty_pdf():
    return pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def main():
    page = text_page()
    save_png(page, "page.png")
    save_png(page.rotate(90, expand=True, fillcolor=255), "page-rot90.png")
    save_png(page.rotate(180, expand=True, fillcolor=255), "page-rot180.png")
    save_png(page.rotate(3, resample=Image.BICUBIC, expand=True, fillcolor=255), "page-skew3.png")
    red_seal(page).save(out("page-seal.png"), dpi=DPI, optimize=True)
    blank_page().save(out("blank.png"), dpi=DPI, optimize=True)
    page.convert("RGB").save(out("page.jpg"), dpi=DPI, quality=80)
    bilevel = page.point(lambda v: 255 if v > 128 else 0).convert("1")
    bilevel.save(out("two-pages.tif"), dpi=DPI, compression="group4", save_all=True,
                 append_images=[blank_page().point(lambda v: 255 if v > 128 else 0).convert("1")])
    half = page.resize((WIDTH // 2, HEIGHT // 2))
    half.save(out("two-pages.pdf"), resolution=150, save_all=True, append_images=[blank_page().resize(half.size)])
    with open(out("page.png"), "rb") as f:
        png = f.read()
    with open(out("truncated.png"), "wb") as f:
        f.write(png[: len(png) // 3])
    open(out("empty.png"), "wb").close()
    with open(out("not-an-image.png"), "w") as f:
        f.write("Đây là một tệp văn bản, không phải ảnh.\n")
    with open(out("encrypted.pdf"), "wb") as f:
        f.write(encrypted_pdf())
    with open(out("no-pages.pdf"), "wb") as f:
        f.write(empty_pdf())


if __name__ == "__main__":
    main()
