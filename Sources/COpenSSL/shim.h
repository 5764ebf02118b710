#ifndef HOCBA_COPENSSL_SHIM_H
#define HOCBA_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
/* Certificates, keys, PKCS#12, CRLs and chain verification (HocBaCrypto). */
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/pkcs12.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/engine.h>
/* RFC 3161 time-stamps (HocBaCrypto TimeStamp). */
#include <openssl/ts.h>
#include <openssl/rand.h>

/* BIO_get_mem_data is a macro. */
static inline long hocba_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

/* X509_NAME in RFC 4514 / 2253 form, keeping UTF-8 (no \XX escapes of non-ASCII). */
static inline int hocba_name_print_rfc4514(BIO *bio, const X509_NAME *name) {
  return X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
}

/* PKCS#11 through the libp11 engine (Debian libengine-pkcs11-openssl; OpenSSL 3 keeps ENGINE, deprecated).
   Wrapped here so Swift never calls a deprecated declaration. Returns NULL on failure (error queue set). */
static inline ENGINE *hocba_pkcs11_engine(const char *enginePath, const char *modulePath, const char *pin) {
  ENGINE *engine = ENGINE_by_id("dynamic");
  if (engine == NULL) return NULL;
  if (!ENGINE_ctrl_cmd_string(engine, "SO_PATH", enginePath, 0) ||
      !ENGINE_ctrl_cmd_string(engine, "ID", "pkcs11", 0) ||
      !ENGINE_ctrl_cmd_string(engine, "LOAD", NULL, 0) ||
      !ENGINE_ctrl_cmd_string(engine, "MODULE_PATH", modulePath, 0)) {
    ENGINE_free(engine);
    return NULL;
  }
  if (!ENGINE_init(engine)) { ENGINE_free(engine); return NULL; }
  if (pin != NULL && !ENGINE_ctrl_cmd_string(engine, "PIN", pin, 0)) {
    ENGINE_finish(engine); ENGINE_free(engine); return NULL;
  }
  return engine;
}
static inline EVP_PKEY *hocba_engine_private_key(ENGINE *engine, const char *uri) {
  return ENGINE_load_private_key(engine, uri, NULL, NULL);
}
/* libp11's LOAD_CERT_CTRL: the certificate object a pkcs11: URI names. */
static inline X509 *hocba_engine_certificate(ENGINE *engine, const char *uri) {
  struct { const char *s_slot_cert_id; X509 *cert; } params = { uri, NULL };
  if (!ENGINE_ctrl_cmd(engine, "LOAD_CERT_CTRL", 0, &params, NULL, 1)) return NULL;
  return params.cert;
}
static inline void hocba_engine_release(ENGINE *engine) { ENGINE_finish(engine); ENGINE_free(engine); }
/* TS_VFY_* flags are shifted macros. */
static inline int hocba_ts_vfy_signature(void) { return TS_VFY_SIGNATURE; }
/* The certificates carried in a PKCS#7 SignedData (a time-stamp token), or NULL; owned by the token. */
static inline STACK_OF(X509) *hocba_pkcs7_certificates(PKCS7 *p7) {
  return PKCS7_type_is_signed(p7) && p7->d.sign != NULL ? p7->d.sign->cert : NULL;
}
#endif
