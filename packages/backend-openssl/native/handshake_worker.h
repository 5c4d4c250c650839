// One SSL_do_handshake on the libuv pool. Execute touches only the Connection (never N-API);
// the owning Engine guarantees nothing else touches it until OnOK.
#pragma once
#include <napi.h>

#include "connection.h"

namespace tlsport {

class Engine;

class HandshakeWorker : public Napi::AsyncWorker {
 public:
  HandshakeWorker(Engine* engine, Connection* connection, Napi::Object receiver, Napi::Function callback);

  void Execute() override;
  void OnOK() override;

 private:
  Engine* engine_;  // kept alive: AsyncWorker holds a reference to its JS receiver
  Connection* connection_;
  Outcome outcome_;
};

}  // namespace tlsport
