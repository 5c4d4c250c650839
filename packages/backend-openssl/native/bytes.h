// Byte buffers handed between OpenSSL and JS.
#pragma once
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace tlsport {

/** An allocator that leaves new bytes uninitialised: OpenSSL overwrites them anyway. */
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

using Bytes = std::vector<uint8_t, UninitializedAllocator<uint8_t>>;

}  // namespace tlsport
