#pragma once
#include <napi.h>

namespace tlsport {

/** The OpenSSL macro values the JS fault table refers to by name. */
Napi::Object OpenSslConstants(Napi::Env env);

}  // namespace tlsport
