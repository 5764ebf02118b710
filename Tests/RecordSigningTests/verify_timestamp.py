#!/usr/bin/env python3
"""Check the XAdES signature time-stamp of one signature independently of hocba: lxml canonicalizes the
ds:SignatureValue element (exclusive C14N), and `openssl ts -verify` checks the RFC 3161 token against that
SHA-256 imprint and the CA files.

usage: verify_timestamp.py FILE SIGNATURE_ID CA_PEM UNTRUSTED_PEM
Prints the token's time (from `openssl ts -reply -text`); exits non-zero on failure.
"""
import base64
import hashlib
import os
import subprocess
import sys
import tempfile

from lxml import etree

DS = "http://www.w3.org/2000/09/xmldsig#"
XADES = "http://uri.etsi.org/01903/v1.3.2#"


def main() -> int:
    path, signature_id, ca_pem, untrusted = sys.argv[1:5]
    tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
    signatures = [s for s in tree.iter(f"{{{DS}}}Signature") if s.get("Id") == signature_id]
    if len(signatures) != 1:
        print(f"FAIL no single Signature Id={signature_id}")
        return 1
    signature = signatures[0]
    value = signature.find(f"{{{DS}}}SignatureValue")
    stamp = signature.find(
        f"{{{DS}}}Object/{{{XADES}}}QualifyingProperties[@Target='#{signature_id}']/{{{XADES}}}UnsignedProperties/"
        f"{{{XADES}}}UnsignedSignatureProperties/{{{XADES}}}SignatureTimeStamp/{{{XADES}}}EncapsulatedTimeStamp")
    if value is None or stamp is None:
        print("FAIL no SignatureValue or no EncapsulatedTimeStamp")
        return 1
    imprint = hashlib.sha256(etree.tostring(value, method="c14n", exclusive=True, with_comments=False)).hexdigest()
    with tempfile.TemporaryDirectory() as scratch:
        token = os.path.join(scratch, "token.der")
        with open(token, "wb") as handle:
            handle.write(base64.b64decode("".join(stamp.text.split())))
        verified = subprocess.run(
            ["openssl", "ts", "-verify", "-digest", imprint, "-in", token, "-token_in", "-CAfile", ca_pem,
             "-untrusted", untrusted], capture_output=True, text=True)
        if verified.returncode != 0 or "Verification: OK" not in verified.stdout:
            print(f"FAIL {verified.stdout.strip()} {verified.stderr.strip()}")
            return 1
        text = subprocess.run(["openssl", "ts", "-reply", "-in", token, "-token_in", "-text"],
                              capture_output=True, text=True).stdout
    print("OK", next((line.strip() for line in text.splitlines() if line.startswith("Time stamp:")), "?"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
