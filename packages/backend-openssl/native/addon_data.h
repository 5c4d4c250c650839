// Per-environment addon state (N-API instance data), so worker threads each get their own.
#pragma once
#include <napi.h>

namespace tlsport {

struct AddonData {
  Napi::FunctionReference context;
  static AddonData* Of(Napi::Env env) { return env.GetInstanceData<AddonData>(); }
};

}  // namespace tlsport
