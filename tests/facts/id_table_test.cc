// Tests IdTable::assignAll, the prefetching bulk build, against clear() and assign() one by one:
// sizes around its look-ahead, repeated ids (the last entry wins), and lookups of absent ids.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "facts/id_table.h"

using factline::facts::IdTable;

TEST_CASE("assignAll indexes as assign() entry by entry does") {
  std::mt19937 rng(11);
  for (std::size_t n : {0u, 1u, 2u, 15u, 31u, 32u, 33u, 64u, 65u, 1000u, 70000u}) {
    std::vector<std::string> ids;
    const std::size_t distinct = n / 2 + 1; // about half the entries repeat an earlier id
    for (std::size_t i = 0; i < n; ++i)
      ids.push_back("id-" + std::to_string(rng() % distinct));
    auto idOf = [&](std::size_t i) -> std::string_view { return ids[i]; };

    IdTable one_by_one, bulk;
    for (std::size_t i = 0; i < n; ++i)
      one_by_one.assign(ids[i], i, idOf);
    bulk.assign("stale", 0, [](std::size_t) { return std::string_view("stale"); });
    bulk.assignAll(n, idOf); // replaces what it held

    INFO("n = " << n);
    CHECK(bulk.size() == one_by_one.size());
    for (std::size_t d = 0; d <= distinct; ++d) { // `distinct` itself is never an id
      const std::string id = "id-" + std::to_string(d);
      CHECK(bulk.find(id, idOf) == one_by_one.find(id, idOf));
    }
    for (std::size_t i = 0; i < n; ++i) { // each id holds its last entry
      const std::size_t at = bulk.find(ids[i], idOf);
      REQUIRE(at != IdTable::npos);
      CHECK(ids[at] == ids[i]);
      CHECK(at >= i);
    }
    CHECK(bulk.find("stale", idOf) == IdTable::npos);
  }
}
