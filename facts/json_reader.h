// JsonReader: a pull reader over JSON text that knows the byte offset of every value, so that the
// fact base loader can say at which line and column a field is wrong, without building a DOM.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factline::facts {

enum class JsonKind { Null, Bool, Number, String, Array, Object, Invalid };

// "a string", "a number", ... for messages.
std::string_view describeJsonKind(JsonKind kind);

// One reader per text, used by one thread. After the first syntax error every call fails and
// error() says where and why; the caller stops and reports it.
class JsonReader {
public:
  explicit JsonReader(std::string_view text);

  // Skips whitespace and says what kind of value starts next (Invalid: no value starts here).
  JsonKind peek();
  // The byte offset where the next value starts (call after peek()).
  std::size_t offset() const { return pos_; }

  // Each of these consumes one value of the kind peek() gave.
  // Bytes that are not UTF-8 inside the string are replaced by U+FFFD and their offsets added to
  // *bad_utf8 (when given): the text is still readable JSON, so reading goes on.
  bool readString(std::string &out, std::vector<std::size_t> *bad_utf8 = nullptr);
  // The same without a copy where it can: `out` views the text, or, for a string with escapes
  // or bad bytes, a buffer of the reader's that its next read of a string overwrites.
  bool readString(std::string_view &out, std::vector<std::size_t> *bad_utf8 = nullptr);
  bool readNumber(double &out);
  bool readBool(bool &out);
  bool readNull();
  bool skipValue();

  // Objects: beginObject(), then nextMember() until it returns false (at "}" or on an error).
  bool beginObject();
  // `key` is valid until the next string is read.
  bool nextMember(std::string_view &key, std::size_t &key_offset);
  // Arrays: beginArray(), then nextElement() until it returns false (at "]" or on an error).
  bool beginArray();
  bool nextElement();

  // Starts reading at `offset` as if an element of an array that is a field of the outermost
  // object started there (after its ",", or first): for a second reader of the same text.
  void resumeInOuterArray(std::size_t offset) {
    pos_ = offset;
    open_ = {{true, false}, {false, true}};
  }

  // True when only whitespace is left; otherwise a syntax error is recorded.
  bool finish();

  bool failed() const { return failed_; }
  std::size_t errorOffset() const { return error_offset_; }
  const std::string &errorMessage() const { return error_message_; }

private:
  bool fail(std::size_t at, std::string message);
  void skipWhitespace();
  bool expectLiteral(std::string_view word);
  bool readHex4(std::uint32_t &out);

  std::string_view text_;
  std::size_t pos_ = 0;
  struct OpenContainer {
    bool object; // an object (members) rather than an array (elements)
    bool first;  // no member or element read yet
  };
  std::vector<OpenContainer> open_;
  std::string decoded_; // a string that could not be viewed in the text
  bool failed_ = false;
  std::size_t error_offset_ = 0;
  std::string error_message_;
};

// 1-based line and column of a byte offset; the column counts characters (code points), so a
// line with "é" before the error still points at the right place in an editor.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Turns byte offsets into lines and columns; builds its line table on first use.
class LineMap {
public:
  explicit LineMap(std::string_view text) : text_(text) {}
  TextPosition at(std::size_t offset);
  std::string_view text() const { return text_; }

private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

} // namespace factline::facts
