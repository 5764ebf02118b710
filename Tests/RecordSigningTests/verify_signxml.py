#!/usr/bin/env python3
"""Verify one signature slot of a hocba record with signxml (an independent verifier for the tests).

usage: verify_signxml.py FILE CA_PEM ROLE CODE|- EXPECTED_REFERENCES
Prints the Id of every verified reference; exits non-zero on failure.
"""
import sys

from signxml import SignatureConfiguration, XMLVerifier

NS = "{urn:hocba:xml:1.0}"


def main() -> int:
    path, ca_pem, role, code, expected = sys.argv[1:6]
    predicate = f"[@VaiTro='{role}']" + (f"[@Ma='{code}']" if code != "-" else "")
    config = SignatureConfiguration(
        location=f"./{NS}DSCKS/{NS}CKS{predicate}/", expect_references=int(expected)
    )
    verifier = XMLVerifier()
    verifier.excise_empty_xmlns_declarations = True
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        results = verifier.verify(data, ca_pem_file=ca_pem, id_attribute="Id", expect_config=config)
    except Exception as error:  # noqa: BLE001 - report any failure as a verdict
        print(f"FAIL {type(error).__name__}: {error}")
        return 1
    if not isinstance(results, list):
        results = [results]
    for result in results:
        print("OK", result.signed_xml.get("Id") if result.signed_xml is not None else "?")
    return 0


if __name__ == "__main__":
    sys.exit(main())
