// A BIO that queues bytes in memory, like BIO_s_mem without its costs on the bulk path.
#pragma once
#include <openssl/bio.h>

#include <cstddef>
#include <cstdint>

namespace tlsport {

/**
 * A new in-memory BIO: writes append, reads take from the front; an empty queue asks for a retry
 * ("want more input"), never EOF. Unlike BIO_s_mem, which zero-fills every byte it grows by
 * (BUF_MEM_grow_clean) before copying into it, appending only copies.
 */
BIO* NewByteQueueBio();

/**
 * Lets `bio` (a byte queue) read `data` in place, after what it holds, until ReclaimInput: input
 * decrypted in the same call is never copied into the queue. The caller keeps `data` alive.
 */
void LendInput(BIO* bio, const uint8_t* data, size_t length);

/** Copies what was lent and not read (a partial record) into the queue; the loan ends. */
void ReclaimInput(BIO* bio);

}  // namespace tlsport
