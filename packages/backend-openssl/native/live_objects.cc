#include "live_objects.h"

#include <atomic>
#include <mutex>

namespace tlsport {
namespace {

std::atomic<int64_t> liveSsl{0};
std::atomic<int64_t> liveContexts{0};
int sslIndex = -1;
int contextIndex = -1;
// The ex_data value that marks "ours": OpenSSL calls free callbacks for every object of the
// class (Node's own contexts too), with a null value where nothing was set.
char marker;

void OnSslFree(void*, void* value, CRYPTO_EX_DATA*, int, long, void*) {
  if (value == &marker) liveSsl.fetch_sub(1);
}

void OnContextFree(void*, void* value, CRYPTO_EX_DATA*, int, long, void*) {
  if (value == &marker) liveContexts.fetch_sub(1);
}

}  // namespace

void InitLiveObjects() {
  static std::once_flag once;
  std::call_once(once, [] {
    sslIndex = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, OnSslFree);
    contextIndex = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, OnContextFree);
  });
}

void TrackSsl(SSL* ssl) {
  SSL_set_ex_data(ssl, sslIndex, &marker);
  liveSsl.fetch_add(1);
}

void TrackContext(SSL_CTX* ctx) {
  SSL_CTX_set_ex_data(ctx, contextIndex, &marker);
  liveContexts.fetch_add(1);
}

int64_t LiveSslCount() { return liveSsl.load(); }
int64_t LiveContextCount() { return liveContexts.load(); }

}  // namespace tlsport
