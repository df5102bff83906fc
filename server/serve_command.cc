// `factline serve`: the language server on stdin/stdout until `exit`.
#include <filesystem>
#include <csignal>
#include <iostream>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <spdlog/spdlog.h>

#include "server/commands.h"
#include "server/logging.h"
#include "server/lsp_server.h"
#include "server/rule_docs.h"
#include "server/stdio_transport.h"

namespace factline::server {

namespace asio = boost::asio;

int runServe(const ServeOptions &options) {
  if (auto logging = configureLogging(options.log_file, options.log_level); !logging) {
    std::cerr << "factline serve: " << logging.error() << "\n";
    return 2;
  }
  // A client that goes away mid-write must not kill the server with SIGPIPE; the write fails.
  std::signal(SIGPIPE, SIG_IGN);
  spdlog::info("factline {} serving on stdio", FACTLINE_VERSION);
  setRuleDocsDir(findRuleDocs()); // rule codes link to docs/rules/RULE.md when it ships

  asio::io_context io(1);
  auto strand = asio::make_strand(io);
  asio::thread_pool pool(2); // analysis; fact bases load on a strand of it, one load at a time
  auto loader = asio::make_strand(pool);
  auto work = asio::make_work_guard(io); // the reader thread's posts are not io work

  StdioTransport transport(io, strand);
  ServerOptions server_options;
  server_options.fixed_debounce_ms = options.debounce_ms;
  for (const auto &path : options.facts) { // as the user meant them: from where serve was started
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    server_options.fact_bases.push_back(ec ? path : absolute.string());
  }
  int exit_code = 1;
  {
    LspServer server(
        strand, pool.get_executor(), loader,
        [&transport](std::string body) { transport.send(std::move(body)); }, server_options);
    server.onExit([&](int code) {
      exit_code = code;
      transport.close([&] {
        work.reset();
        io.stop();
      });
    });
    transport.start({
        [&server](std::string body) { server.receive(body); },
        [&server](protocol::FramingError e) { server.receiveFramingError(e); },
        [&server] { server.endOfInput(); },
    });
    io.run();
    pool.stop(); // queued analyses are dropped; a running one is cancelled by the server's stop
    pool.join();
  }
  spdlog::shutdown();
  return exit_code;
}

} // namespace factline::server
