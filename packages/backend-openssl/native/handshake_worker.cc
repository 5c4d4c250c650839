#include "handshake_worker.h"

#include "engine.h"
#include "js_values.h"
#include "ssl_errors.h"

namespace tlsport {

HandshakeWorker::HandshakeWorker(Engine* engine, Connection* connection, Napi::Object receiver, Napi::Function callback)
    : Napi::AsyncWorker(receiver, callback, "tlsport:handshake"), engine_(engine), connection_(connection) {}

void HandshakeWorker::Execute() {
  ClearErrorsOnExit clearErrors;  // a pool thread Node's crypto uses too
  connection_->Handshake(outcome_);
}

void HandshakeWorker::OnOK() {
  Napi::HandleScope scope(Env());
  engine_->StepFinished();
  Callback().Call(Receiver().Value(), {OutcomeToJs(Env(), outcome_)});
}

}  // namespace tlsport
