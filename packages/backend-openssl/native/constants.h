#pragma once
#include <napi.h>

namespace tlsport {

/** The OpenSSL macro values the JS fault table refers to by name. */
Napi::Object OpenSslConstants(Napi::Env env);

/** reasonText(library, reason): OpenSSL's text for an error reason (ERR_reason_error_string). */
Napi::Value ReasonText(const Napi::CallbackInfo& info);

/** verifyText(code): OpenSSL's text for a verification result (X509_verify_cert_error_string). */
Napi::Value VerifyText(const Napi::CallbackInfo& info);

}  // namespace tlsport
