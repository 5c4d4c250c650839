// JS class Context: one EngineContext's pre-built SSL_CTX set. Made only by buildContext, which
// parses certificates and trust anchors (Node's ~140 roots by default) on the libuv pool.
#pragma once
#include <napi.h>

#include <memory>

#include "context_set.h"

namespace tlsport {

/** buildContext(options, done(error, context)): builds the SSL_CTX set on the pool. */
Napi::Value BuildContext(const Napi::CallbackInfo& info);

class Context : public Napi::ObjectWrap<Context> {
 public:
  static Napi::Function Define(Napi::Env env);
  /** The Context behind `value`, or a thrown TypeError. */
  static Context* From(Napi::Value value);

  /** A new, empty Context object holding `contexts`. */
  static Napi::Object Wrap(Napi::Env env, std::shared_ptr<ContextSet> contexts);

  explicit Context(const Napi::CallbackInfo& info);
  /** Throws when disposed. */
  std::shared_ptr<ContextSet> contexts(Napi::Env env) const;

 private:
  Napi::Value Dispose(const Napi::CallbackInfo& info);
  /** setTicketKeys(keys: 48 bytes each, decryptEndMs: number[], encrypting: index or -1). */
  Napi::Value SetTicketKeys(const Napi::CallbackInfo& info);

  std::shared_ptr<ContextSet> contexts_;
};

}  // namespace tlsport
