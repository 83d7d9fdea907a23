#include "checks/engine/digest.h"

#include <nettle/sha2.h>

#include <fmt/format.h>

namespace golive {

std::string sha256_hex(const std::string& bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  std::string out;
  out.reserve(2 * SHA256_DIGEST_SIZE);
  for (uint8_t b : digest) out += fmt::format("{:02x}", b);
  return out;
}

}  // namespace golive
