#ifndef HOCBA_COPENSSL_SHIM_H
#define HOCBA_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#endif
