#ifndef KHALATOP_COPENSSL_SHIM_H
#define KHALATOP_COPENSSL_SHIM_H
// The OpenSSL surface khalatop uses. Function-like macros that Swift cannot
// import get small static inline wrappers here.
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/bn.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/asn1.h>
#include <openssl/bio.h>

// STACK_OF(X509) helpers: the sk_X509_* API is macros in OpenSSL 3.
static inline STACK_OF(X509) *khalatop_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int khalatop_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int khalatop_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline void khalatop_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }

#endif
