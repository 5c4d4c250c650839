#include "engine.h"

#include <algorithm>
#include <string>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "context.h"
#include "handshake_worker.h"
#include "js_values.h"
#include "ssl_errors.h"

namespace tlsport {
namespace {

/** Ends a LendInput when the call returns or throws: the JS buffer is not ours after that. */
struct InputLoan {
  Connection& connection;
  explicit InputLoan(Connection& c) : connection(c) {}
  ~InputLoan() { connection.ReclaimInput(); }
  InputLoan(const InputLoan&) = delete;
  InputLoan& operator=(const InputLoan&) = delete;
};

ConnectionOptions ParseOptions(const Napi::Object& o) {
  ConnectionOptions options;
  options.server = BoolOption(o, "server");
  options.requestCert = BoolOption(o, "requestCert");
  options.rejectUnauthorized = BoolOption(o, "rejectUnauthorized");
  options.servername = StringOption(o, "servername");
  options.ipAddress = StringOption(o, "ipAddress");
  options.alpn = BytesOption(o, "alpn").value_or(Bytes{});
  options.session = BytesOption(o, "session");
  options.keylog = BoolOption(o, "keylog");
  options.chooseCertificate = BoolOption(o, "chooseCertificate");
  return options;
}

const uint8_t* BytesArgument(const Napi::CallbackInfo& info, size_t index, size_t& length) {
  if (!info[index].IsTypedArray() || info[index].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(info.Env(), "expected a Uint8Array");
  }
  Napi::Uint8Array bytes = info[index].As<Napi::Uint8Array>();
  length = bytes.ByteLength();
  return bytes.Data();
}

/** A main-thread operation's outcome, its ciphertext taken from the output BIO straight into one Buffer. */
Napi::Object WithOutput(Napi::Env env, Connection& connection, Outcome& out) {
  Napi::Object js = OutcomeToJs(env, out);
  size_t pending = connection.PendingOutput();
  if (pending > 0) {
    Napi::Buffer<uint8_t> output = Napi::Buffer<uint8_t>::New(env, pending);  // not zero-filled
    connection.TakeOutput(output.Data(), pending);
    js.Set("output", output);
  }
  return js;
}

}  // namespace

Napi::Function Engine::Define(Napi::Env env) {
  return DefineClass(env, "Engine",
                     {
                         InstanceMethod<&Engine::Handshake>("handshake"),
                         InstanceMethod<&Engine::Read>("read"),
                         InstanceMethod<&Engine::Write>("write"),
                         InstanceMethod<&Engine::KeyUpdate>("keyUpdate"),
                         InstanceMethod<&Engine::Shutdown>("shutdown"),
                         InstanceMethod<&Engine::ChooseCertificate>("chooseCertificate"),
                         InstanceMethod<&Engine::ExportKeyingMaterial>("exportKeyingMaterial"),
                         InstanceMethod<&Engine::Free>("free"),
                     });
}

Engine::Engine(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Engine>(info) {
  ClearErrorsOnExit clearErrors;
  Napi::Env env = info.Env();
  std::shared_ptr<ContextSet> contexts = Context::From(info[0])->contexts(env);
  if (!info[1].IsObject()) throw Napi::TypeError::New(env, "Engine(context, options)");
  try {
    connection_ = std::make_unique<Connection>(std::move(contexts), ParseOptions(info[1].As<Napi::Object>()));
  } catch (const ConfigError& e) {
    throw ConfigErrorToJs(env, e);
  }
}

Connection& Engine::Ready(Napi::Env env) {
  if (!connection_) throw Napi::Error::New(env, "the engine is freed");
  if (busy_) throw Napi::Error::New(env, "a handshake step is running");
  return *connection_;
}

void Engine::StepFinished() {
  busy_ = false;
  if (freePending_) connection_.reset();
}

// handshake(inputs: Uint8Array[], done: (outcome) => void) -> outcome | undefined: feeds the
// inputs, then runs one SSL_do_handshake. A step of a kind that has been cheap runs here and its
// outcome is returned; any other goes to the pool, returns undefined and calls `done` later.
// At most one step per engine is in flight.
Napi::Value Engine::Handshake(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Napi::Env env = info.Env();
  Connection& connection = Ready(env);
  if (!info[0].IsArray() || !info[1].IsFunction()) throw Napi::TypeError::New(env, "handshake(inputs, done)");
  Napi::Array inputs = info[0].As<Napi::Array>();
  for (uint32_t i = 0; i < inputs.Length(); i++) {
    Napi::Uint8Array bytes = inputs.Get(i).As<Napi::Uint8Array>();
    connection.Input(bytes.Data(), bytes.ByteLength());
  }
  if (StepIsCheap(connection.NextStep())) {
    Outcome out;
    connection.Handshake(out);
    return OutcomeToJs(env, out);
  }
  auto* worker = new HandshakeWorker(this, &connection, info.This().As<Napi::Object>(), info[1].As<Napi::Function>());
  busy_ = true;
  worker->Queue();
  return env.Undefined();
}

// read(input?: Uint8Array) -> outcome with plaintext, output (e.g. a KeyUpdate reply), peerClosed.
// The input is read in place (only a trailing partial record is kept, copied); the plaintext is a
// view on the buffer SSL_read filled directly (no zero fill, no copy).
Napi::Value Engine::Read(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Napi::Env env = info.Env();
  Connection& connection = Ready(env);
  InputLoan loan(connection);
  if (!info[0].IsUndefined()) {
    size_t length = 0;
    const uint8_t* data = BytesArgument(info, 0, length);
    connection.LendInput(data, length);
  }
  Outcome out;
  size_t capacity = connection.PlaintextBound();
  Napi::Buffer<uint8_t> room = Napi::Buffer<uint8_t>::New(env, capacity);  // not zero-filled, unlike ArrayBuffer::New
  bool drained = false;
  size_t length = connection.ReadPlaintext(room.Data(), capacity, out, drained);
  // Rare: the tail of a record whose start OpenSSL buffered earlier did not fit.
  while (!drained) {
    out.plaintext.resize(out.plaintext.size() + SSL3_RT_MAX_PLAIN_LENGTH);
    size_t at = out.plaintext.size() - SSL3_RT_MAX_PLAIN_LENGTH;
    out.plaintext.resize(at + connection.ReadPlaintext(out.plaintext.data() + at, SSL3_RT_MAX_PLAIN_LENGTH, out, drained));
  }
  connection.CollectRecords(out);
  if (!out.plaintext.empty()) {
    Bytes all(length + out.plaintext.size());
    std::copy_n(room.Data(), length, all.data());
    std::copy(out.plaintext.begin(), out.plaintext.end(), all.data() + length);
    out.plaintext = std::move(all);
    return WithOutput(env, connection, out);
  }
  Napi::Object js = WithOutput(env, connection, out);
  if (length > 0) js.Set("plaintext", Napi::Uint8Array::New(env, length, room.ArrayBuffer(), room.ByteOffset()));
  return js;
}

Napi::Value Engine::Write(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Connection& connection = Ready(info.Env());
  size_t length = 0;
  const uint8_t* data = BytesArgument(info, 0, length);
  Outcome out;
  connection.Write(data, length, out);
  return WithOutput(info.Env(), connection, out);
}

Napi::Value Engine::KeyUpdate(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Connection& connection = Ready(info.Env());
  Outcome out;
  connection.KeyUpdate(info[0].ToBoolean().Value(), out);
  return WithOutput(info.Env(), connection, out);
}

Napi::Value Engine::Shutdown(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Connection& connection = Ready(info.Env());
  Outcome out;
  connection.Shutdown(out);
  return WithOutput(info.Env(), connection, out);
}

Napi::Value Engine::ChooseCertificate(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  Connection& connection = Ready(info.Env());
  return Napi::Boolean::New(info.Env(), connection.ChooseContext(info[0].As<Napi::Number>().Uint32Value()));
}

// exportKeyingMaterial(length, label, context?) -> Uint8Array: RFC 5705 / RFC 8446 §7.5 keying
// material. JS has checked the arguments and that the handshake is done.
Napi::Value Engine::ExportKeyingMaterial(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Connection& connection = Ready(env);
  size_t length = info[0].As<Napi::Number>().Uint32Value();
  std::string label = info[1].As<Napi::String>().Utf8Value();
  const bool useContext = info.Length() > 2 && info[2].IsTypedArray();
  Napi::Uint8Array context = useContext ? info[2].As<Napi::Uint8Array>() : Napi::Uint8Array();
  Napi::Uint8Array out = Napi::Uint8Array::New(env, length);
  ERR_clear_error();
  if (SSL_export_keying_material(connection.ssl(), out.Data(), length, label.data(), label.size(),
                                 useContext ? context.Data() : nullptr, useContext ? context.ByteLength() : 0,
                                 useContext ? 1 : 0) != 1) {
    Napi::Error::New(env, "SSL_export_keying_material failed").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return out;
}

// free(): releases the SSL now, or as soon as the running step is over. Idempotent.
Napi::Value Engine::Free(const Napi::CallbackInfo& info) {
  ClearErrorsOnExit clearErrors;
  if (busy_) freePending_ = true;
  else connection_.reset();
  return info.Env().Undefined();
}

}  // namespace tlsport
