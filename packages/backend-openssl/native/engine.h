// JS class Engine: one Connection, its expensive handshake steps on the libuv pool, the rest inline.
#pragma once
#include <napi.h>

#include <memory>

#include "connection.h"

namespace tlsport {

class Engine : public Napi::ObjectWrap<Engine> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit Engine(const Napi::CallbackInfo& info);

  /** Called on the main thread when a pool step is over; frees now if free() came meanwhile. */
  void StepFinished();

 private:
  Napi::Value Handshake(const Napi::CallbackInfo& info);
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value KeyUpdate(const Napi::CallbackInfo& info);
  Napi::Value Shutdown(const Napi::CallbackInfo& info);
  Napi::Value ChooseCertificate(const Napi::CallbackInfo& info);
  Napi::Value ExportKeyingMaterial(const Napi::CallbackInfo& info);
  Napi::Value Free(const Napi::CallbackInfo& info);
  /** The connection for a main-thread call; throws if freed or a step is running. */
  Connection& Ready(Napi::Env env);

  std::unique_ptr<Connection> connection_;
  bool busy_ = false;
  bool freePending_ = false;
};

}  // namespace tlsport
