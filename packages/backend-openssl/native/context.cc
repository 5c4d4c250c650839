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
  options.ticketLifetimeSeconds = static_cast<long>(o.Get("ticketLifetimeSeconds").As<Napi::Number>().Int64Value());
  options.minVersion = IntOption(o, "minVersion");
  options.maxVersion = IntOption(o, "maxVersion");
  options.ciphersuites = StringOption(o, "ciphersuites");
  options.cipherList = StringOption(o, "cipherList");
  options.verifyAuthLevel = IntOption(o, "verifyAuthLevel");
  options.groups = StringOption(o, "groups");
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
  return DefineClass(env, "Context", {InstanceMethod<&Context::Dispose>("dispose"), InstanceMethod<&Context::SetTicketKeys>("setTicketKeys")});
}

Context* Context::From(Napi::Value value) {
  Napi::Env env = value.Env();
  if (!value.IsObject() || !value.As<Napi::Object>().InstanceOf(AddonData::Of(env)->context.Value())) {
    throw Napi::TypeError::New(env, "expected a Context");
  }
  return Unwrap(value.As<Napi::Object>());
}

Context::Context(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Context>(info) {}

Napi::Object Context::Wrap(Napi::Env env, std::shared_ptr<ContextSet> contexts) {
  Napi::Object object = AddonData::Of(env)->context.New({});
  Unwrap(object)->contexts_ = std::move(contexts);
  return object;
}

namespace {

class BuildWorker : public Napi::AsyncWorker {
 public:
  BuildWorker(Napi::Function done, ContextOptions options) : Napi::AsyncWorker(done, "tlsport:context"), options_(std::move(options)) {}

  void Execute() override {
    ClearErrorsOnExit clearErrors;  // a pool thread Node's crypto uses too
    try {
      contexts_ = std::make_shared<ContextSet>(options_);
    } catch (const ConfigError& e) {
      error_ = std::make_unique<ConfigError>(e);
    }
  }

  void OnOK() override {
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    if (error_) {
      Callback().Call({ConfigErrorToJs(env, *error_).Value()});
    } else {
      Callback().Call({env.Null(), Context::Wrap(env, std::move(contexts_))});
    }
  }

 private:
  ContextOptions options_;
  std::shared_ptr<ContextSet> contexts_;
  std::unique_ptr<ConfigError> error_;
};

}  // namespace

Napi::Value BuildContext(const Napi::CallbackInfo& info) {
  if (!info[0].IsObject() || !info[1].IsFunction()) throw Napi::TypeError::New(info.Env(), "buildContext(options, done)");
  (new BuildWorker(info[1].As<Napi::Function>(), ParseOptions(info[0].As<Napi::Object>())))->Queue();
  return info.Env().Undefined();
}

std::shared_ptr<ContextSet> Context::contexts(Napi::Env env) const {
  if (!contexts_) throw Napi::Error::New(env, "the context is disposed");
  return contexts_;
}

Napi::Value Context::SetTicketKeys(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsTypedArray() || !info[1].IsArray() || !info[2].IsNumber()) throw Napi::TypeError::New(env, "setTicketKeys(keys, decryptEndMs, encrypting)");
  Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
  Napi::Array ends = info[1].As<Napi::Array>();
  if (bytes.ByteLength() != ends.Length() * 48) throw Napi::RangeError::New(env, "setTicketKeys: 48 bytes per key");
  std::vector<TicketKey> keys(ends.Length());
  for (uint32_t i = 0; i < ends.Length(); i++) {
    const uint8_t* at = bytes.Data() + i * 48;
    std::copy(at, at + 16, keys[i].name.begin());
    std::copy(at + 16, at + 32, keys[i].hmacKey.begin());
    std::copy(at + 32, at + 48, keys[i].aesKey.begin());
    keys[i].decryptEndMs = ends.Get(i).As<Napi::Number>().DoubleValue();
  }
  contexts(env)->ticketKeys().Replace(std::move(keys), info[2].As<Napi::Number>().Int32Value());
  return env.Undefined();
}

Napi::Value Context::Dispose(const Napi::CallbackInfo& info) {
  contexts_.reset();  // connections made from it keep their own reference
  return info.Env().Undefined();
}

}  // namespace tlsport
