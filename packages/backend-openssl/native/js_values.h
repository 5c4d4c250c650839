// Conversions between N-API values and the addon's plain C++ types. Main thread only.
#pragma once
#include <napi.h>

#include "connection.h"

namespace tlsport {

/** Hands `bytes` to JS without copying: the Buffer owns the vector from now on. */
Napi::Buffer<uint8_t> TakeBuffer(Napi::Env env, Bytes&& bytes);
Napi::Object OutcomeToJs(Napi::Env env, Outcome& out);
/** A JS Error carrying `fault` (a core TlsFault name) for the JS side to wrap. */
Napi::Error ConfigErrorToJs(Napi::Env env, const ConfigError& error);

std::string StringOption(const Napi::Object& options, const char* name);
bool BoolOption(const Napi::Object& options, const char* name);
int IntOption(const Napi::Object& options, const char* name);
/** A Buffer/Uint8Array option's bytes (copied); nullopt when absent. */
std::optional<Bytes> BytesOption(const Napi::Object& options, const char* name);

}  // namespace tlsport
