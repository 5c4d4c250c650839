// Entry point: exports Context, Engine, liveObjects(), the OpenSSL constants and their texts.
#include <napi.h>

#include "addon_data.h"
#include "constants.h"
#include "context.h"
#include "engine.h"
#include "live_objects.h"

namespace tlsport {
namespace {

Napi::Value LiveObjects(const Napi::CallbackInfo& info) {
  Napi::Object counts = Napi::Object::New(info.Env());
  counts.Set("ssl", Napi::Number::New(info.Env(), static_cast<double>(LiveSslCount())));
  counts.Set("ctx", Napi::Number::New(info.Env(), static_cast<double>(LiveContextCount())));
  return counts;
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  InitLiveObjects();
  auto* data = new AddonData();
  Napi::Function context = Context::Define(env);
  data->context = Napi::Persistent(context);
  env.SetInstanceData(data);
  exports.Set("buildContext", Napi::Function::New(env, BuildContext, "buildContext"));
  exports.Set("Engine", Engine::Define(env));
  exports.Set("liveObjects", Napi::Function::New(env, LiveObjects, "liveObjects"));
  exports.Set("constants", OpenSslConstants(env));
  exports.Set("reasonText", Napi::Function::New(env, ReasonText, "reasonText"));
  exports.Set("verifyText", Napi::Function::New(env, VerifyText, "verifyText"));
  return exports;
}

}  // namespace tlsport

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return tlsport::Init(env, exports); }

NODE_API_MODULE(tlsport_openssl, InitAddon)
