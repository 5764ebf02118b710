#ifndef HOCBA_CXMLSEC_SHIM_H
#define HOCBA_CXMLSEC_SHIM_H
/* The defines of `pkg-config --cflags xmlsec1-openssl`, which SwiftPM drops ("prohibited flag(s)").
   Without them Swift sees another struct layout (xmlSecSize 8 instead of 4) and writes to wrong offsets
   (build-facts §2.1 item 1). RecordSigning checks hocba_xmlsec_layout_ok() before the first use. */
#define __XMLSEC_FUNCTION__ __func__
#define XMLSEC_NO_SIZE_T 1
#define XMLSEC_OPENSSL3_ENGINES 1
#define XMLSEC_NO_GOST 1
#define XMLSEC_NO_GOST2012 1
#define XMLSEC_NO_CRYPTO_DYNAMIC_LOADING 1
#define XMLSEC_CRYPTO_OPENSSL 1

/* Same ICU workaround as CLibXML2/shim.h (libxml2 types then merge between both modules). */
#define UCNV_H 1
#include <stdint.h>
typedef struct UConverter UConverter;
typedef uint16_t UChar;

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/c14n.h>
#include <libxml/xmlIO.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/keys.h>
#include <xmlsec/errors.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/crypto.h>

/* Sizes a C program compiled with the pkg-config flags sees (xmlsec 1.2.37, x86_64 and arm64). */
static inline int hocba_xmlsec_layout_ok(void) {
  return sizeof(xmlSecSize) == 4 && sizeof(xmlSecDSigCtx) == 1032 && sizeof(xmlSecDSigReferenceCtx) == 224;
}
static inline int hocba_xmlsec_check_version(void) { return xmlSecCheckVersion(); }

/* Transform ids are macros around GetKlass() functions. */
static inline xmlSecTransformId hocba_xmlsec_exc_c14n(void) { return xmlSecTransformExclC14NId; }
static inline xmlSecTransformId hocba_xmlsec_c14n(void) { return xmlSecTransformInclC14NId; }
static inline xmlSecTransformId hocba_xmlsec_rsa_sha256(void) { return xmlSecOpenSSLTransformRsaSha256Id; }
static inline xmlSecTransformId hocba_xmlsec_ecdsa_sha256(void) { return xmlSecOpenSSLTransformEcdsaSha256Id; }
static inline xmlSecTransformId hocba_xmlsec_sha256(void) { return xmlSecOpenSSLTransformSha256Id; }
static inline xmlSecTransformId hocba_xmlsec_rsa_sha1(void) { return xmlSecOpenSSLTransformRsaSha1Id; }
static inline xmlSecTransformId hocba_xmlsec_sha1(void) { return xmlSecOpenSSLTransformSha1Id; }

/* xmlsec prints errors to stderr by default; the library never prints: swallow them (the status tells). */
static void hocba_xmlsec_silent(const char *file, int line, const char *func, const char *errorObject,
                                const char *errorSubject, int reason, const char *msg) {
  (void)file; (void)line; (void)func; (void)errorObject; (void)errorSubject; (void)reason; (void)msg;
}
static inline void hocba_xmlsec_silence(void) { xmlSecErrorsSetCallback(hocba_xmlsec_silent); }

static inline void hocba_xmlsec_free(void *p) { xmlFree(p); }
#endif
