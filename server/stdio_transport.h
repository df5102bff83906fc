// StdioTransport: LSP messages in from stdin and out to stdout, through Boost.Asio.
#pragma once
#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/strand.hpp>

#include "protocol/framing.h"

namespace factline::server {

// Pipes and terminals are read and written asynchronously through posix::stream_descriptor on
// dup()s of the descriptors. epoll refuses regular files and /dev/null, so when fstat() says the
// input is one of those, a blocking reader thread frames the messages and posts them to the
// strand; such output is written with plain blocking writes on the strand.
//
// Threads: the callbacks given to start() run on `strand`; send() may be called from any thread;
// close() on the strand.
class StdioTransport {
public:
  using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;
  struct Sinks {
    std::function<void(std::string body)> message;
    std::function<void(protocol::FramingError)> framing_error;
    std::function<void()> end; // input ended (after any last framing error)
  };

  StdioTransport(boost::asio::io_context &io, Strand strand, int in_fd = 0, int out_fd = 1);
  ~StdioTransport();
  StdioTransport(const StdioTransport &) = delete;
  StdioTransport &operator=(const StdioTransport &) = delete;

  void start(Sinks sinks);
  // Frames `body` and queues it for writing, in call order.
  void send(std::string body);
  // Stops reading; calls `done` on the strand once everything queued has been written.
  void close(std::function<void()> done);

private:
  void readAsync();
  void deliver(); // drains the reader into the sinks (strand)
  void readBlocking();
  void writeNext();
  void writeBlocking(const std::string &bytes);
  void maybeDone();

  boost::asio::io_context &io_;
  Strand strand_;
  int in_fd_, out_fd_;
  int in_flags_ = -1, out_flags_ = -1; // the descriptors' file status flags at start
  bool async_in_ = false, async_out_ = false;
  std::unique_ptr<boost::asio::posix::stream_descriptor> in_, out_;
  Sinks sinks_;
  protocol::MessageReader reader_; // strand in async mode; the reader thread otherwise
  std::array<char, 65536> buffer_{};
  std::thread reader_thread_;
  std::deque<std::string> queue_; // framed messages waiting (async output)
  bool writing_ = false;
  bool closing_ = false;
  bool output_broken_ = false;
  std::function<void()> done_;
};

} // namespace factline::server
