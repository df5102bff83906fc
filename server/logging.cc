// spdlog sinks for `factline serve`: stderr or an append-only file.
#include "server/logging.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace factline::server {

protocol::Expected<void, std::string> configureLogging(const std::string &file,
                                                       const std::string &level) {
  std::shared_ptr<spdlog::logger> logger;
  try {
    if (file.empty())
      logger = std::make_shared<spdlog::logger>("factline",
                                                std::make_shared<spdlog::sinks::stderr_sink_mt>());
    else
      logger = std::make_shared<spdlog::logger>(
          "factline", std::make_shared<spdlog::sinks::basic_file_sink_mt>(file, false));
  } catch (const spdlog::spdlog_ex &e) {
    return protocol::unexpected(std::string("cannot open log file: ") + e.what());
  }
  auto lvl = spdlog::level::from_str(level);
  logger->set_level(lvl);
  logger->flush_on(spdlog::level::warn);
  logger->set_pattern("[%H:%M:%S.%e] [%l] [%t] %v");
  spdlog::set_default_logger(logger);
  return {};
}

} // namespace factline::server
