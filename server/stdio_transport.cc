// StdioTransport: choosing async or blocking I/O per descriptor, reading frames, ordered writes.
#include "server/stdio_transport.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

namespace factline::server {

namespace asio = boost::asio;

namespace {
// Whether epoll can watch this descriptor: pipes, sockets and terminals, not regular files or
// other character devices such as /dev/null.
bool pollable(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0)
    return false;
  return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || (S_ISCHR(st.st_mode) && isatty(fd));
}

std::unique_ptr<asio::posix::stream_descriptor> openDescriptor(asio::io_context &io, int fd) {
  int copy = ::dup(fd);
  if (copy < 0)
    return nullptr;
  auto d = std::make_unique<asio::posix::stream_descriptor>(io);
  boost::system::error_code ec;
  d->assign(copy, ec);
  if (ec) {
    ::close(copy);
    return nullptr;
  }
  return d;
}
} // namespace

StdioTransport::StdioTransport(asio::io_context &io, Strand strand, int in_fd, int out_fd)
    : io_(io), strand_(strand), in_fd_(in_fd), out_fd_(out_fd) {
  // Asio makes the descriptors non-blocking, and a dup() shares that flag with the original:
  // remember the flags so the terminal or pipe is handed back as it was.
  in_flags_ = fcntl(in_fd_, F_GETFL);
  out_flags_ = fcntl(out_fd_, F_GETFL);
  if (pollable(in_fd_))
    in_ = openDescriptor(io_, in_fd_);
  async_in_ = in_ != nullptr;
  if (pollable(out_fd_))
    out_ = openDescriptor(io_, out_fd_);
  async_out_ = out_ != nullptr;
  spdlog::debug("stdio: input {}, output {}", async_in_ ? "async" : "reader thread",
                async_out_ ? "async" : "blocking writes");
}

StdioTransport::~StdioTransport() {
  // The reader thread ends at end of input, which regular files and /dev/null always reach.
  if (reader_thread_.joinable())
    reader_thread_.join();
  in_.reset();
  out_.reset();
  if (in_flags_ >= 0)
    fcntl(in_fd_, F_SETFL, in_flags_);
  if (out_flags_ >= 0)
    fcntl(out_fd_, F_SETFL, out_flags_);
}

void StdioTransport::start(Sinks sinks) {
  sinks_ = std::move(sinks);
  if (async_in_)
    asio::post(strand_, [this] { readAsync(); });
  else
    reader_thread_ = std::thread([this] { readBlocking(); });
}

void StdioTransport::readAsync() {
  if (closing_)
    return;
  in_->async_read_some(
      asio::buffer(buffer_),
      asio::bind_executor(strand_, [this](boost::system::error_code ec, std::size_t n) {
        if (closing_)
          return;
        if (n > 0) {
          reader_.feed(std::string_view(buffer_.data(), n));
          deliver();
        }
        if (ec) {
          if (ec != asio::error::eof)
            spdlog::warn("stdin: {}", ec.message());
          if (auto e = reader_.finish())
            sinks_.framing_error(*e);
          sinks_.end();
          return;
        }
        readAsync();
      }));
}

void StdioTransport::deliver() {
  while (auto frame = reader_.next()) {
    if (closing_)
      return;
    if (*frame)
      sinks_.message(std::move(**frame));
    else
      sinks_.framing_error(frame->error());
  }
}

void StdioTransport::readBlocking() {
  std::vector<char> chunk(65536);
  while (true) {
    ssize_t n = ::read(in_fd_, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n < 0)
        spdlog::warn("stdin: {}", std::strerror(errno));
      break;
    }
    reader_.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
    while (auto frame = reader_.next())
      asio::post(strand_, [this, frame = std::move(*frame)]() mutable {
        if (closing_)
          return;
        if (frame)
          sinks_.message(std::move(*frame));
        else
          sinks_.framing_error(frame.error());
      });
  }
  auto last = reader_.finish();
  asio::post(strand_, [this, last] {
    if (closing_)
      return;
    if (last)
      sinks_.framing_error(*last);
    sinks_.end();
  });
}

void StdioTransport::send(std::string body) {
  asio::post(strand_, [this, bytes = protocol::frameMessage(body)]() mutable {
    if (output_broken_)
      return;
    if (!async_out_)
      return writeBlocking(bytes);
    queue_.push_back(std::move(bytes));
    if (!writing_)
      writeNext();
  });
}

void StdioTransport::writeBlocking(const std::string &bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(out_fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      spdlog::error("stdout: {}; no more output", std::strerror(errno));
      output_broken_ = true;
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

void StdioTransport::writeNext() {
  if (queue_.empty()) {
    writing_ = false;
    maybeDone();
    return;
  }
  writing_ = true;
  asio::async_write(*out_, asio::buffer(queue_.front()),
                    asio::bind_executor(strand_, [this](boost::system::error_code ec, std::size_t) {
                      queue_.pop_front();
                      if (ec) {
                        spdlog::error("stdout: {}; no more output", ec.message());
                        output_broken_ = true;
                        queue_.clear();
                      }
                      writeNext();
                    }));
}

void StdioTransport::close(std::function<void()> done) {
  closing_ = true;
  done_ = std::move(done);
  if (in_) {
    boost::system::error_code ignored;
    in_->cancel(ignored);
  }
  // Messages sent just before close() are still in the strand's queue: look once they are in.
  asio::post(strand_, [this] { maybeDone(); });
}

void StdioTransport::maybeDone() {
  if (!closing_ || writing_ || !queue_.empty() || !done_)
    return;
  auto done = std::move(done_);
  done_ = nullptr;
  done();
}

} // namespace factline::server
