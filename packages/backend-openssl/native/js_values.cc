#include "js_values.h"

namespace tlsport {
namespace {

const char* StateName(Outcome::State state) {
  switch (state) {
    case Outcome::kDone: return "done";
    case Outcome::kWantInput: return "want-input";
    case Outcome::kChooseCertificate: return "choose-certificate";
    case Outcome::kFailed: return "failed";
  }
  return "failed";
}

Napi::Uint8Array AsUint8Array(const Napi::Value& value, const char* name) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(value.Env(), std::string(name) + " must be a Uint8Array");
  }
  return value.As<Napi::Uint8Array>();
}

Napi::Object InfoToJs(Napi::Env env, HandshakeInfo& info) {
  Napi::Object js = Napi::Object::New(env);
  js.Set("version", info.version);
  js.Set("cipher", info.cipher);
  if (info.group.has_value()) js.Set("group", *info.group);
  if (info.alpn.has_value()) js.Set("alpn", *info.alpn);
  if (info.servername.has_value()) js.Set("servername", *info.servername);
  js.Set("resumed", info.resumed);
  Napi::Array certificates = Napi::Array::New(env, info.peerCertificates.size());
  for (size_t i = 0; i < info.peerCertificates.size(); i++) certificates.Set(static_cast<uint32_t>(i), TakeBuffer(env, std::move(info.peerCertificates[i])));
  js.Set("peerCertificates", certificates);
  js.Set("verifyResult", Napi::Number::New(env, static_cast<double>(info.verifyResult)));
  return js;
}

}  // namespace

Napi::Buffer<uint8_t> TakeBuffer(Napi::Env env, Bytes&& bytes) {
  auto* owned = new Bytes(std::move(bytes));
  return Napi::Buffer<uint8_t>::New(env, owned->data(), owned->size(), [](Napi::Env, uint8_t*, Bytes* b) { delete b; }, owned);
}

Napi::Object OutcomeToJs(Napi::Env env, Outcome& out) {
  Napi::Object js = Napi::Object::New(env);
  js.Set("state", StateName(out.state));
  if (!out.output.empty()) js.Set("output", TakeBuffer(env, std::move(out.output)));
  if (!out.plaintext.empty()) js.Set("plaintext", TakeBuffer(env, std::move(out.plaintext)));
  if (out.peerClosed) js.Set("peerClosed", true);
  if (out.state == Outcome::kFailed) {
    Napi::Array errors = Napi::Array::New(env, out.errors.size());
    for (size_t i = 0; i < out.errors.size(); i++) {
      Napi::Object e = Napi::Object::New(env);
      e.Set("library", out.errors[i].library);
      e.Set("reason", out.errors[i].reason);
      e.Set("text", out.errors[i].text);
      errors.Set(static_cast<uint32_t>(i), e);
    }
    js.Set("errors", errors);
    js.Set("verifyResult", Napi::Number::New(env, static_cast<double>(out.verifyResult)));
  }
  if (!out.keylog.empty()) {
    Napi::Array lines = Napi::Array::New(env, out.keylog.size());
    for (size_t i = 0; i < out.keylog.size(); i++) lines.Set(static_cast<uint32_t>(i), out.keylog[i]);
    js.Set("keylog", lines);
  }
  if (!out.sessions.empty()) {
    Napi::Array sessions = Napi::Array::New(env, out.sessions.size());
    for (size_t i = 0; i < out.sessions.size(); i++) sessions.Set(static_cast<uint32_t>(i), TakeBuffer(env, std::move(out.sessions[i])));
    js.Set("sessions", sessions);
  }
  if (out.hasServername) js.Set("servername", out.servername);
  if (out.info.has_value()) js.Set("info", InfoToJs(env, *out.info));
  if (out.records) js.Set("records", OutcomeToJs(env, *out.records));
  return js;
}

Napi::Error ConfigErrorToJs(Napi::Env env, const ConfigError& error) {
  Napi::Error js = Napi::Error::New(env, error.what());
  js.Value().Set("fault", error.fault());
  return js;
}

std::string StringOption(const Napi::Object& options, const char* name) {
  Napi::Value v = options.Get(name);
  if (v.IsUndefined()) return "";
  if (!v.IsString()) throw Napi::TypeError::New(options.Env(), std::string(name) + " must be a string");
  return v.As<Napi::String>().Utf8Value();
}

bool BoolOption(const Napi::Object& options, const char* name) { return options.Get(name).ToBoolean().Value(); }

int IntOption(const Napi::Object& options, const char* name) {
  Napi::Value v = options.Get(name);
  if (!v.IsNumber()) throw Napi::TypeError::New(options.Env(), std::string(name) + " must be a number");
  return v.As<Napi::Number>().Int32Value();
}

std::optional<Bytes> BytesOption(const Napi::Object& options, const char* name) {
  Napi::Value v = options.Get(name);
  if (v.IsUndefined()) return std::nullopt;
  Napi::Uint8Array bytes = AsUint8Array(v, name);
  return Bytes(bytes.Data(), bytes.Data() + bytes.ByteLength());
}

}  // namespace tlsport
