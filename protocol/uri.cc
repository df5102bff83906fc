// file:// URI parsing and formatting.
#include "protocol/uri.h"

#include <cctype>

namespace factline::protocol {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

bool isUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':' ||
         c == '@' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
         c == '*' || c == '+' || c == ',' || c == ';' || c == '=';
}

} // namespace

Expected<std::string, std::string> uriToPath(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || uri.substr(0, 5) != "file:" ||
      uri.substr(0, scheme.size()) != scheme)
    return unexpected(std::string("not a file:// URI: ") + std::string(uri.substr(0, 80)));
  std::string_view rest = uri.substr(scheme.size());
  std::size_t slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost")
    return unexpected("file URI on another host: " + std::string(host));
  if (slash == std::string_view::npos)
    return unexpected(std::string("file URI without a path: ") + std::string(uri));
  std::string_view encoded = rest.substr(slash);
  if (auto q = encoded.find_first_of("?#"); q != std::string_view::npos)
    encoded = encoded.substr(0, q);
  std::string path;
  path.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      path += encoded[i];
      continue;
    }
    int hi = i + 2 < encoded.size() ? hexValue(encoded[i + 1]) : -1;
    int lo = hi >= 0 ? hexValue(encoded[i + 2]) : -1;
    if (lo < 0)
      return unexpected(std::string("bad percent-escape in URI: ") + std::string(uri));
    char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0')
      return unexpected(std::string("URI encodes a NUL byte: ") + std::string(uri));
    path += c;
    i += 2;
  }
  return path;
}

std::string pathToUri(std::string_view absolute_path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : absolute_path) {
    if (isUnreserved(c)) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

} // namespace factline::protocol
