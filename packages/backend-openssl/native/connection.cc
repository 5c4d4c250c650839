#include "connection.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "byte_queue_bio.h"
#include "live_objects.h"
#include "pem.h"

namespace tlsport {
namespace {

// OpenSSL counts in int: larger buffers go in slices.
constexpr size_t kMaxCall = size_t{1} << 30;

}  // namespace

Connection::Connection(std::shared_ptr<ContextSet> contexts, const ConnectionOptions& options) : contexts_(std::move(contexts)) {
  ERR_clear_error();
  ssl_ = SSL_new(contexts_->primary(options.keylog));
  keylog_ = options.keylog;
  if (ssl_ == nullptr) throw ConfigError("internal", TakeErrorText("SSL_new"));
  TrackSsl(ssl_);
  input_ = NewByteQueueBio();
  output_ = NewByteQueueBio();
  if (input_ == nullptr || output_ == nullptr) {
    BIO_free(input_);
    BIO_free(output_);
    SSL_free(ssl_);
    throw ConfigError("internal", TakeErrorText("BIO_new"));
  }
  SSL_set_bio(ssl_, input_, output_);
  AttachHooks(ssl_, &hooks_);
  try {
    Apply(options);
  } catch (...) {
    SSL_free(ssl_);
    throw;
  }
}

Connection::~Connection() { SSL_free(ssl_); }

void Connection::Apply(const ConnectionOptions& o) {
  auto check = [](bool ok, const char* fault, const char* what) {
    if (!ok) throw ConfigError(fault, TakeErrorText(what));
  };
  // Versions, suites, groups and the chain's auth level come from the SSL_CTX (ContextSet).
  if (o.server) SSL_set_accept_state(ssl_); else SSL_set_connect_state(ssl_);
  int mode = SSL_VERIFY_NONE;
  if (!o.server) mode = SSL_VERIFY_PEER;
  else if (o.requestCert) mode = SSL_VERIFY_PEER | (o.rejectUnauthorized ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0);
  SSL_set_verify(ssl_, mode, o.rejectUnauthorized ? nullptr : AcceptAnyChain);

  if (!o.ipAddress.empty()) {
    check(X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), o.ipAddress.c_str()) == 1, "unsupported", "IP address rejected");
  } else if (!o.servername.empty()) {
    check(SSL_set_tlsext_host_name(ssl_, o.servername.c_str()) == 1, "unsupported", "server name rejected");
    // Names come from subjectAltName only, never the subject CN (RFC 6125 §6.4.4, CA/B Forum BR 7.1.4.3).
    SSL_set_hostflags(ssl_, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT);
    check(SSL_set1_host(ssl_, o.servername.c_str()) == 1, "unsupported", "server name rejected");
  }

  if (o.server) {
    hooks_.serverAlpn = o.alpn;
  } else if (!o.alpn.empty()) {
    // SSL_set_alpn_protos returns 0 on success.
    check(SSL_set_alpn_protos(ssl_, o.alpn.data(), static_cast<unsigned int>(o.alpn.size())) == 0, "unsupported", "ALPN list rejected");
  }

  if (o.session.has_value()) {
    const unsigned char* cursor = o.session->data();
    SSL_SESSION* session = d2i_SSL_SESSION(nullptr, &cursor, static_cast<long>(o.session->size()));
    check(session != nullptr, "illegal-parameter", "config.session is not an OpenSSL session");
    int ok = SSL_set_session(ssl_, session);
    SSL_SESSION_free(session);
    check(ok == 1, "illegal-parameter", "config.session cannot be resumed");
  }
  stepVariant_ = o.server ? o.requestCert : o.session.has_value();
  hooks_.chooseCertificate = o.chooseCertificate;
  ERR_clear_error();
}

void Connection::Input(const uint8_t* data, size_t length) {
  for (size_t at = 0; at < length; at += kMaxCall) {
    BIO_write(input_, data + at, static_cast<int>(std::min(kMaxCall, length - at)));
  }
}

void Connection::LendInput(const uint8_t* data, size_t length) { tlsport::LendInput(input_, data, length); }

void Connection::ReclaimInput() { tlsport::ReclaimInput(input_); }

StepKind Connection::NextStep() const { return StepKind{SSL_is_server(ssl_) == 1, SSL_get_state(ssl_), stepVariant_}; }

void Connection::Handshake(Outcome& out) {
  StepKind kind = NextStep();
  std::chrono::nanoseconds start = ThreadCpuTime();
  ERR_clear_error();
  int rc = SSL_do_handshake(ssl_);
  if (rc == 1) {
    out.state = Outcome::kDone;
  } else {
    switch (SSL_get_error(ssl_, rc)) {
      case SSL_ERROR_WANT_READ:
        out.state = Outcome::kWantInput;
        break;
      case SSL_ERROR_WANT_CLIENT_HELLO_CB:
        out.state = Outcome::kChooseCertificate;
        out.hasServername = hooks_.hasServername;
        out.servername = hooks_.servername;
        break;
      default:
        Fail(out);
    }
  }
  Collect(out);
  if (out.state == Outcome::kDone) out.info = DescribeHandshake(ssl_);
  // Timed without the records: their cost depends on how much data came, not on the step's kind.
  RecordStepCost(kind, ThreadCpuTime() - start);
  if (out.state == Outcome::kDone) {
    out.records = std::make_unique<Outcome>();
    Read(*out.records);
    FreshBuffers();
  }
}

void Connection::ReleaseRecordBuffers() {
  // SSL_MODE_RELEASE_BUFFERS frees the read buffer when a record is used up, but the WANT_READ
  // probe that ends every read allocates it again (~17 KiB, kept by every idle session).
  // SSL_free_buffers declines while a partial record or unsent bytes are held, so nothing is lost.
  SSL_free_buffers(ssl_);
}

void Connection::FreshBuffers() {
  // A byte queue keeps the largest buffer it ever held (the certificate flight): once the
  // handshake is over and both are empty, an idle session keeps two empty ones instead.
  if (BIO_ctrl_pending(input_) != 0 || BIO_ctrl_pending(output_) != 0) return;
  BIO* input = NewByteQueueBio();
  BIO* output = NewByteQueueBio();
  if (input == nullptr || output == nullptr) {
    BIO_free(input);
    BIO_free(output);
    return;
  }
  SSL_set_bio(ssl_, input, output);  // frees the old pair
  input_ = input;
  output_ = output;
}

size_t Connection::PlaintextBound() const {
  // Plaintext is at most the ciphertext waiting plus what OpenSSL holds already decrypted; only
  // the tail of a record whose start OpenSSL buffered earlier can need more (+1: the WANT_READ probe).
  return BIO_ctrl_pending(input_) + static_cast<size_t>(SSL_pending(ssl_)) + 1;
}

size_t Connection::ReadPlaintext(uint8_t* into, size_t capacity, Outcome& out, bool& drained) {
  out.state = Outcome::kDone;
  drained = false;
  size_t length = 0;
  while (length < capacity) {
    ERR_clear_error();
    int n = SSL_read(ssl_, into + length, static_cast<int>(std::min(kMaxCall, capacity - length)));
    if (n > 0) {
      length += static_cast<size_t>(n);
      continue;
    }
    int error = SSL_get_error(ssl_, n);
    if (error == SSL_ERROR_ZERO_RETURN) out.peerClosed = true;
    else if (error != SSL_ERROR_WANT_READ) Fail(out);
    else ReleaseRecordBuffers();
    drained = true;
    break;
  }
  return length;
}

void Connection::Read(Outcome& out) {
  out.plaintext.resize(PlaintextBound());
  size_t length = 0;
  for (bool drained = false; !drained;) {
    if (length == out.plaintext.size()) out.plaintext.resize(length + SSL3_RT_MAX_PLAIN_LENGTH);
    length += ReadPlaintext(out.plaintext.data() + length, out.plaintext.size() - length, out, drained);
  }
  out.plaintext.resize(length);
  Collect(out);
}

void Connection::Write(const uint8_t* data, size_t length, Outcome& out) {
  out.state = Outcome::kDone;
  ERR_clear_error();
  // Memory BIOs never block, so each SSL_write takes all it is given (no partial-write mode).
  for (size_t at = 0; at < length; at += kMaxCall) {
    if (SSL_write(ssl_, data + at, static_cast<int>(std::min(kMaxCall, length - at))) <= 0) {
      Fail(out);
      break;
    }
  }
  CollectRecords(out);
}

void Connection::KeyUpdate(bool requestPeer, Outcome& out) {
  out.state = Outcome::kDone;
  ERR_clear_error();
  // SSL_key_update only schedules the message; SSL_do_handshake sends it now.
  if (SSL_key_update(ssl_, requestPeer ? SSL_KEY_UPDATE_REQUESTED : SSL_KEY_UPDATE_NOT_REQUESTED) != 1 || SSL_do_handshake(ssl_) != 1) Fail(out);
  CollectRecords(out);
}

void Connection::Shutdown(Outcome& out) {
  out.state = Outcome::kDone;
  ERR_clear_error();
  if (SSL_shutdown(ssl_) < 0) Fail(out);
  CollectRecords(out);
}

bool Connection::ChooseContext(size_t index) {
  SSL_CTX* ctx = contexts_->at(index, keylog_);
  if (ctx == nullptr) return false;
  hooks_.certificateChosen = true;
  return SSL_set_SSL_CTX(ssl_, ctx) == ctx;
}

void Connection::Fail(Outcome& out) {
  out.state = Outcome::kFailed;
  out.errors = TakeErrors();
  out.verifyResult = SSL_get_verify_result(ssl_);
}

void Connection::Collect(Outcome& out) {
  size_t pending = PendingOutput();
  if (pending > 0) {
    size_t at = out.output.size();
    out.output.resize(at + pending);
    TakeOutput(out.output.data() + at, pending);
  }
  CollectRecords(out);
}

void Connection::CollectRecords(Outcome& out) {
  for (std::string& line : hooks_.keylogLines) out.keylog.push_back(std::move(line));
  hooks_.keylogLines.clear();
  for (Bytes& session : hooks_.sessions) out.sessions.push_back(std::move(session));
  hooks_.sessions.clear();
}

size_t Connection::PendingOutput() const { return BIO_ctrl_pending(output_); }

void Connection::TakeOutput(uint8_t* into, size_t length) {
  for (size_t at = 0; at < length; at += kMaxCall) BIO_read(output_, into + at, static_cast<int>(std::min(kMaxCall, length - at)));
}

}  // namespace tlsport
