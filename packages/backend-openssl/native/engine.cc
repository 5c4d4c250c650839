#include "engine.h"

#include <openssl/objects.h>
#include <openssl/x509.h>

#include "context.h"
#include "handshake_worker.h"
#include "js_values.h"

namespace tlsport {
namespace {

ConnectionOptions ParseOptions(const Napi::Object& o) {
  ConnectionOptions options;
  options.server = BoolOption(o, "server");
  options.minVersion = IntOption(o, "minVersion");
  options.maxVersion = IntOption(o, "maxVersion");
  options.ciphersuites = StringOption(o, "ciphersuites");
  options.cipherList = StringOption(o, "cipherList");
  options.groups = StringOption(o, "groups");
  options.requestCert = BoolOption(o, "requestCert");
  options.rejectUnauthorized = BoolOption(o, "rejectUnauthorized");
  options.servername = StringOption(o, "servername");
  options.ipAddress = StringOption(o, "ipAddress");
  options.alpn = BytesOption(o, "alpn").value_or(Bytes{});
  options.session = BytesOption(o, "session");
  options.keylog = BoolOption(o, "keylog");
  options.chooseCertificate = BoolOption(o, "chooseCertificate");
  Napi::Value certificate = o.Get("certificate");
  if (certificate.IsObject()) {
    Napi::Object pair = certificate.As<Napi::Object>();
    options.certificate = CertificateKeyPem{StringOption(pair, "cert"), StringOption(pair, "key")};
  }
  return options;
}

Bytes Der(X509* cert) {
  int length = i2d_X509(cert, nullptr);
  if (length <= 0) return {};
  Bytes der(static_cast<size_t>(length));
  unsigned char* cursor = der.data();
  i2d_X509(cert, &cursor);
  return der;
}

/** The peer's chain as sent, leaf first. OpenSSL's chain holds the leaf on a client only. */
Napi::Array PeerCertificates(Napi::Env env, SSL* ssl) {
  std::vector<Bytes> ders;
  X509* leaf = SSL_get0_peer_certificate(ssl);
  if (leaf != nullptr) {
    ders.push_back(Der(leaf));
    STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl);
    for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
      X509* cert = sk_X509_value(chain, i);
      if (i == 0 && X509_cmp(cert, leaf) == 0) continue;
      ders.push_back(Der(cert));
    }
  }
  Napi::Array js = Napi::Array::New(env, ders.size());
  for (size_t i = 0; i < ders.size(); i++) js.Set(static_cast<uint32_t>(i), TakeBuffer(env, std::move(ders[i])));
  return js;
}

const uint8_t* BytesArgument(const Napi::CallbackInfo& info, size_t index, size_t& length) {
  if (!info[index].IsTypedArray() || info[index].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(info.Env(), "expected a Uint8Array");
  }
  Napi::Uint8Array bytes = info[index].As<Napi::Uint8Array>();
  length = bytes.ByteLength();
  return bytes.Data();
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
                         InstanceMethod<&Engine::Info>("info"),
                         InstanceMethod<&Engine::ChooseCertificate>("chooseCertificate"),
                         InstanceMethod<&Engine::Free>("free"),
                     });
}

Engine::Engine(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Engine>(info) {
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

// handshake(inputs: Uint8Array[], done: (outcome) => void): feeds the inputs, then runs one
// SSL_do_handshake on the pool. At most one step per engine is in flight.
Napi::Value Engine::Handshake(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Connection& connection = Ready(env);
  if (!info[0].IsArray() || !info[1].IsFunction()) throw Napi::TypeError::New(env, "handshake(inputs, done)");
  Napi::Array inputs = info[0].As<Napi::Array>();
  for (uint32_t i = 0; i < inputs.Length(); i++) {
    Napi::Uint8Array bytes = inputs.Get(i).As<Napi::Uint8Array>();
    connection.Input(bytes.Data(), bytes.ByteLength());
  }
  auto* worker = new HandshakeWorker(this, &connection, info.This().As<Napi::Object>(), info[1].As<Napi::Function>());
  busy_ = true;
  worker->Queue();
  return env.Undefined();
}

// read(input?: Uint8Array) -> outcome with plaintext, output (e.g. a KeyUpdate reply), peerClosed.
Napi::Value Engine::Read(const Napi::CallbackInfo& info) {
  Connection& connection = Ready(info.Env());
  if (!info[0].IsUndefined()) {
    size_t length = 0;
    const uint8_t* data = BytesArgument(info, 0, length);
    connection.Input(data, length);
  }
  Outcome out;
  connection.Read(out);
  return OutcomeToJs(info.Env(), out);
}

Napi::Value Engine::Write(const Napi::CallbackInfo& info) {
  Connection& connection = Ready(info.Env());
  size_t length = 0;
  const uint8_t* data = BytesArgument(info, 0, length);
  Outcome out;
  connection.Write(data, length, out);
  return OutcomeToJs(info.Env(), out);
}

Napi::Value Engine::KeyUpdate(const Napi::CallbackInfo& info) {
  Connection& connection = Ready(info.Env());
  Outcome out;
  connection.KeyUpdate(info[0].ToBoolean().Value(), out);
  return OutcomeToJs(info.Env(), out);
}

Napi::Value Engine::Shutdown(const Napi::CallbackInfo& info) {
  Connection& connection = Ready(info.Env());
  Outcome out;
  connection.Shutdown(out);
  return OutcomeToJs(info.Env(), out);
}

// info() -> what the completed handshake negotiated, in OpenSSL's terms.
Napi::Value Engine::Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  SSL* ssl = Ready(env).ssl();
  Napi::Object js = Napi::Object::New(env);
  js.Set("version", SSL_version(ssl));
  js.Set("cipher", SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
  int nid = SSL_get_negotiated_group(ssl);
  const char* group = nid == NID_undef || (nid & TLSEXT_nid_unknown) != 0 ? nullptr : OBJ_nid2sn(nid);
  if (group != nullptr) js.Set("group", group);
  const unsigned char* alpn = nullptr;
  unsigned int alpnLength = 0;
  SSL_get0_alpn_selected(ssl, &alpn, &alpnLength);
  if (alpnLength > 0) js.Set("alpn", std::string(reinterpret_cast<const char*>(alpn), alpnLength));
  const char* servername = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (servername != nullptr) js.Set("servername", servername);
  js.Set("resumed", SSL_session_reused(ssl) == 1);
  js.Set("peerCertificates", PeerCertificates(env, ssl));
  js.Set("verifyResult", Napi::Number::New(env, static_cast<double>(SSL_get_verify_result(ssl))));
  return js;
}

Napi::Value Engine::ChooseCertificate(const Napi::CallbackInfo& info) {
  Connection& connection = Ready(info.Env());
  return Napi::Boolean::New(info.Env(), connection.ChooseContext(info[0].As<Napi::Number>().Uint32Value()));
}

// free(): releases the SSL now, or as soon as the running step is over. Idempotent.
Napi::Value Engine::Free(const Napi::CallbackInfo& info) {
  if (busy_) freePending_ = true;
  else connection_.reset();
  return info.Env().Undefined();
}

}  // namespace tlsport
