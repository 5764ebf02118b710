#!/usr/bin/env python3
"""A local RFC 3161 time-stamp authority for the tests: `openssl ts -reply` behind http.server on 127.0.0.1.

usage: test_tsa.py DIR CERT KEY CHAIN [good|other-data]

DIR is a scratch folder (the serial file and the openssl ts config are written there); CERT, KEY and CHAIN are PEM
files of the TSA certificate (extended key usage timeStamping), its key and the issuing chain. The server listens
on an ephemeral port of 127.0.0.1 only and prints the port on the first line of stdout. It answers a POST of
`application/timestamp-query` with `application/timestamp-reply`. Mode `other-data` answers with a genuine token
of this TSA over other bytes (a liar). It stops when its standard input closes (so it never outlives the test).
"""
import hashlib
import http.server
import os
import subprocess
import sys
import tempfile
import threading

CONFIG = """[ tsa ]
default_tsa = hocba_test_tsa
[ hocba_test_tsa ]
serial = {dir}/tsaserial
crypto_device = builtin
signer_cert = {cert}
certs = {chain}
signer_key = {key}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def main() -> int:
    directory, cert, key, chain = sys.argv[1:5]
    mode = sys.argv[5] if len(sys.argv) > 5 else "good"
    config = os.path.join(directory, "tsa.cnf")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(CONFIG.format(dir=directory, cert=cert, key=key, chain=chain))
    with open(os.path.join(directory, "tsaserial"), "w", encoding="utf-8") as handle:
        handle.write("01\n")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.headers.get("Content-Type") != "application/timestamp-query":
                self.send_error(415)
                return
            with tempfile.TemporaryDirectory(dir=directory) as scratch:
                query_file = os.path.join(scratch, "query.tsq")
                reply_file = os.path.join(scratch, "reply.tsr")
                if mode == "other-data":
                    digest = hashlib.sha256(b"not the signature value").hexdigest()
                    subprocess.run(
                        ["openssl", "ts", "-query", "-digest", digest, "-sha256", "-cert", "-out", query_file],
                        check=True, capture_output=True)
                else:
                    with open(query_file, "wb") as handle:
                        handle.write(query)
                done = subprocess.run(
                    ["openssl", "ts", "-reply", "-config", config, "-queryfile", query_file, "-out", reply_file],
                    capture_output=True)
                if done.returncode != 0:
                    self.send_error(500)
                    return
                with open(reply_file, "rb") as handle:
                    reply = handle.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args) -> None:  # quiet: the tests read stdout
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
