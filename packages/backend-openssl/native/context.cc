#include "context.h"

#include "addon_data.h"
#include "js_values.h"

namespace tlsport {
namespace {

ContextOptions ParseOptions(const Napi::Object& o) {
  ContextOptions options;
  options.server = BoolOption(o, "server");
  options.sigalgs = StringOption(o, "sigalgs");
  options.sessionTickets = BoolOption(o, "sessionTickets");
  Napi::Array ca = o.Get("ca").As<Napi::Array>();
  for (uint32_t i = 0; i < ca.Length(); i++) options.ca.push_back(ca.Get(i).As<Napi::String>().Utf8Value());
  Napi::Array certificates = o.Get("certificates").As<Napi::Array>();
  for (uint32_t i = 0; i < certificates.Length(); i++) {
    Napi::Value entry = certificates.Get(i);
    if (entry.IsNull() || entry.IsUndefined()) {
      options.certificates.push_back({});
    } else {
      Napi::Object pair = entry.As<Napi::Object>();
      options.certificates.push_back({StringOption(pair, "cert"), StringOption(pair, "key")});
    }
  }
  return options;
}

}  // namespace

Napi::Function Context::Define(Napi::Env env) {
  return DefineClass(env, "Context", {InstanceMethod<&Context::Dispose>("dispose")});
}

Context* Context::From(Napi::Value value) {
  Napi::Env env = value.Env();
  if (!value.IsObject() || !value.As<Napi::Object>().InstanceOf(AddonData::Of(env)->context.Value())) {
    throw Napi::TypeError::New(env, "expected a Context");
  }
  return Unwrap(value.As<Napi::Object>());
}

Context::Context(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Context>(info) {
  if (!info[0].IsObject()) throw Napi::TypeError::New(info.Env(), "Context(options)");
  try {
    contexts_ = std::make_shared<ContextSet>(ParseOptions(info[0].As<Napi::Object>()));
  } catch (const ConfigError& e) {
    ThrowConfigError(info.Env(), e);
  }
}

std::shared_ptr<ContextSet> Context::contexts(Napi::Env env) const {
  if (!contexts_) throw Napi::Error::New(env, "the context is disposed");
  return contexts_;
}

Napi::Value Context::Dispose(const Napi::CallbackInfo& info) {
  contexts_.reset();  // connections made from it keep their own reference
  return info.Env().Undefined();
}

}  // namespace tlsport
