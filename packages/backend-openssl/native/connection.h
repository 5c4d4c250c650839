// One SSL over two memory BIOs: plain C++, no N-API, so a pool worker can drive it.
#pragma once
#include <openssl/ssl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bytes.h"
#include "callbacks.h"
#include "context_set.h"
#include "handshake_info.h"
#include "ssl_errors.h"
#include "step_costs.h"

namespace tlsport {

struct ConnectionOptions {
  bool server = false;
  bool requestCert = false;  // server
  bool rejectUnauthorized = true;
  std::string servername;    // client: SNI and name check
  std::string ipAddress;     // client: IP SAN check, no SNI
  Bytes alpn;                // wire format
  std::optional<Bytes> session;
  bool keylog = false;
  bool chooseCertificate = false;
};

/** What one operation produced; the main thread turns it into a JS object. */
struct Outcome {
  enum State { kDone, kWantInput, kChooseCertificate, kFailed };
  State state = kWantInput;
  Bytes output;     // ciphertext for the transport
  Bytes plaintext;  // application data
  bool peerClosed = false;
  std::vector<ErrorEntry> errors;
  long verifyResult = X509_V_OK;
  std::vector<std::string> keylog;
  std::vector<Bytes> sessions;
  bool hasServername = false;
  std::string servername;
  /** kDone of a handshake step: what was negotiated, and what reading the records that came with
   *  the last flight produced (application data, tickets), so completion needs no further call. */
  std::optional<HandshakeInfo> info;
  std::unique_ptr<Outcome> records;
};

class Connection {
 public:
  Connection(std::shared_ptr<ContextSet> contexts, const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /** Ciphertext from the transport into the read BIO (copied once). */
  void Input(const uint8_t* data, size_t length);
  /** Ciphertext the read BIO reads in place until ReclaimInput (see LendInput in byte_queue_bio.h). */
  void LendInput(const uint8_t* data, size_t length);
  /** Ends the loan: what was not read is copied into the read BIO. */
  void ReclaimInput();
  /** SSL_do_handshake once (then Read when it completes); safe on a pool worker. */
  void Handshake(Outcome& out);
  /** What the next handshake step starts from, to look up its learned cost. */
  StepKind NextStep() const;
  /**
   * SSL_read into `into` until the input is used up (`drained`: want-read, close_notify or a
   * failure, recorded in `out`) or `capacity` is full; handles post-handshake messages too.
   * Returns the plaintext length. Ciphertext produced stays in the output BIO.
   */
  size_t ReadPlaintext(uint8_t* into, size_t capacity, Outcome& out, bool& drained);
  /** Room that nearly always takes all the plaintext the waiting input holds in one buffer. */
  size_t PlaintextBound() const;
  /** These leave their ciphertext in the output BIO too. */
  void Write(const uint8_t* data, size_t length, Outcome& out);
  void KeyUpdate(bool requestPeer, Outcome& out);
  void Shutdown(Outcome& out);
  /** Moves callback records (key log lines, sessions) into `out`. */
  void CollectRecords(Outcome& out);
  size_t PendingOutput() const;
  /** Moves `length` (<= PendingOutput()) bytes of ciphertext out of the output BIO. */
  void TakeOutput(uint8_t* into, size_t length);
  /** Server: continue with the index-th pre-built context. False when out of range. */
  bool ChooseContext(size_t index);

  SSL* ssl() const { return ssl_; }

 private:
  /** Frees OpenSSL's record read/write buffers when they hold nothing (an idle session's bulk). */
  void ReleaseRecordBuffers();
  /** Replaces the drained memory BIOs with new, empty ones (their grown buffers go). */
  void FreshBuffers();
  void Apply(const ConnectionOptions& options);
  void Fail(Outcome& out);
  /** ReadPlaintext into `out` (on the thread that completed the handshake). */
  void Read(Outcome& out);
  /** Moves pending ciphertext and callback records into `out`. */
  void Collect(Outcome& out);

  std::shared_ptr<ContextSet> contexts_;
  Hooks hooks_;
  SSL* ssl_ = nullptr;
  BIO* input_ = nullptr;   // owned by ssl_
  BIO* output_ = nullptr;  // owned by ssl_
  bool stepVariant_ = false;  // see StepKind::variant
  bool keylog_ = false;       // its contexts are ContextSet's key-log twins
};

}  // namespace tlsport
