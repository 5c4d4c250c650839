#include "byte_queue_bio.h"

#include <algorithm>
#include <cstring>

#include "bytes.h"

namespace tlsport {
namespace {

struct ByteQueue {
  Bytes bytes;
  size_t head = 0;  // bytes before it were read
  // Bytes lent by LendInput, read after `bytes`.
  const uint8_t* lent = nullptr;
  size_t lentLength = 0;

  size_t available() const { return bytes.size() - head; }
};

ByteQueue* QueueOf(BIO* bio) { return static_cast<ByteQueue*>(BIO_get_data(bio)); }

void Append(ByteQueue& q, const uint8_t* from, size_t length) {
  // Drop what was read once moving the rest costs less than what it frees (a partial record at most).
  if (q.head > 0 && q.head >= q.available()) {
    q.bytes.erase(q.bytes.begin(), q.bytes.begin() + static_cast<std::ptrdiff_t>(q.head));
    q.head = 0;
  }
  q.bytes.insert(q.bytes.end(), from, from + length);
}

void Reclaim(ByteQueue& q) {
  if (q.lentLength > 0) Append(q, q.lent, q.lentLength);
  q.lent = nullptr;
  q.lentLength = 0;
}

int QueueWrite(BIO* bio, const char* data, int length) {
  BIO_clear_retry_flags(bio);
  if (length <= 0) return 0;
  ByteQueue& q = *QueueOf(bio);
  Reclaim(q);  // written bytes come after lent ones
  Append(q, reinterpret_cast<const uint8_t*>(data), static_cast<size_t>(length));
  return length;
}

int QueueRead(BIO* bio, char* out, int length) {
  BIO_clear_retry_flags(bio);
  if (length <= 0) return 0;
  ByteQueue& q = *QueueOf(bio);
  if (q.available() == 0 && q.lentLength > 0) {
    size_t n = std::min(q.lentLength, static_cast<size_t>(length));
    std::memcpy(out, q.lent, n);
    q.lent += n;
    q.lentLength -= n;
    return static_cast<int>(n);
  }
  size_t n = std::min(q.available(), static_cast<size_t>(length));
  if (n == 0) {
    BIO_set_retry_read(bio);
    return -1;
  }
  std::memcpy(out, q.bytes.data() + q.head, n);
  q.head += n;
  if (q.head == q.bytes.size()) {
    q.bytes.clear();  // keeps the capacity for the next records
    q.head = 0;
  }
  return static_cast<int>(n);
}

long QueueCtrl(BIO* bio, int cmd, long, void*) {
  ByteQueue& q = *QueueOf(bio);
  switch (cmd) {
    case BIO_CTRL_PENDING:
      return static_cast<long>(q.available() + q.lentLength);
    case BIO_CTRL_RESET:
      q.bytes.clear();
      q.head = 0;
      q.lent = nullptr;
      q.lentLength = 0;
      return 1;
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
      return 1;
    default:
      return 0;  // includes BIO_CTRL_EOF: an empty queue means "want more", not end of input
  }
}

int QueueCreate(BIO* bio) {
  BIO_set_data(bio, new ByteQueue());
  BIO_set_init(bio, 1);
  return 1;
}

int QueueDestroy(BIO* bio) {
  delete QueueOf(bio);
  BIO_set_data(bio, nullptr);
  return 1;
}

BIO_METHOD* MakeMethod() {
  BIO_METHOD* method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "tlsport byte queue");
  if (method == nullptr) return nullptr;
  BIO_meth_set_write(method, QueueWrite);
  BIO_meth_set_read(method, QueueRead);
  BIO_meth_set_ctrl(method, QueueCtrl);
  BIO_meth_set_create(method, QueueCreate);
  BIO_meth_set_destroy(method, QueueDestroy);
  return method;
}

}  // namespace

BIO* NewByteQueueBio() {
  static BIO_METHOD* const method = MakeMethod();  // made once, kept for the process
  return method == nullptr ? nullptr : BIO_new(method);
}

void LendInput(BIO* bio, const uint8_t* data, size_t length) {
  ByteQueue& q = *QueueOf(bio);
  Reclaim(q);
  q.lent = data;
  q.lentLength = length;
}

void ReclaimInput(BIO* bio) { Reclaim(*QueueOf(bio)); }

}  // namespace tlsport
