// JS class Context: one EngineContext's pre-built SSL_CTX set.
#pragma once
#include <napi.h>

#include <memory>

#include "context_set.h"

namespace tlsport {

class Context : public Napi::ObjectWrap<Context> {
 public:
  static Napi::Function Define(Napi::Env env);
  /** The Context behind `value`, or a thrown TypeError. */
  static Context* From(Napi::Value value);

  explicit Context(const Napi::CallbackInfo& info);
  /** Throws when disposed. */
  std::shared_ptr<ContextSet> contexts(Napi::Env env) const;

 private:
  Napi::Value Dispose(const Napi::CallbackInfo& info);

  std::shared_ptr<ContextSet> contexts_;
};

}  // namespace tlsport
