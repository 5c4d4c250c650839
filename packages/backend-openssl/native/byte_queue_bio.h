// A BIO that queues bytes in memory, like BIO_s_mem without its costs on the bulk path.
#pragma once
#include <openssl/bio.h>

namespace tlsport {

/**
 * A new in-memory BIO: writes append, reads take from the front; an empty queue asks for a retry
 * ("want more input"), never EOF. Unlike BIO_s_mem, which zero-fills every byte it grows by
 * (BUF_MEM_grow_clean) before copying into it, appending only copies.
 */
BIO* NewByteQueueBio();

}  // namespace tlsport
