// The bundled base's index, built once per test executable, for tests that check drafts against it.
#pragma once
#include <memory>

#include "facts/fact_index.h"
#include "facts/loader.h"

namespace factline::testing {

inline const facts::FactIndex &bundledIndex() {
  static const facts::FactIndex index(
      std::make_shared<const facts::FactBase>(facts::bundledFactBase()));
  return index;
}

} // namespace factline::testing
