// Fact base snapshots (`.factidx`, facts/FORMAT.md): the entries a JSON fact base file loads into,
// written once by `factline facts index` and read back without parsing the JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "facts/loader.h"

namespace factline::facts {

// 6: strings checked as untrusted (FORMAT.md, Limits); 7: figure terms rooted by Snowball, subject
// words for keyword-free figures; 8: quotes' turn, part and time; 9: the bundled quotes' words
// first, and the ids aligned, so that the index views the words' arrays in place.
inline constexpr std::uint32_t kSnapshotFormatVersion = 9;
inline constexpr std::string_view kSnapshotExtension = ".factidx";

// The hash of a snapshot's body and of its JSON (facts/FORMAT.md): the bytes are cut into 4 MiB
// chunks, each chunk is hashed by four interleaved FNV-1a 64 lanes over its 8-byte words, and
// the chunks' hashes are folded in order by FNV-1a 64. Chunks are independent, so a big file is
// hashed on two threads: 700 MB in well under a tenth of a second of wall time.
std::uint64_t snapshotHash(std::string_view bytes);

// The snapshot that belongs to a JSON file ("base.json" -> "base.factidx"; a name without
// ".json" gets ".factidx" added), and the JSON file a snapshot belongs to ("base.factidx" ->
// "base.json").
std::string snapshotPathFor(const std::string &json_path);
std::string jsonPathFor(const std::string &snapshot_path);
bool isSnapshotPath(std::string_view path);

// Reads `json_path` as JSON and writes the snapshot of what it loads into to `out_path`. The
// JSON must have no errors (references to other bases are checked when the snapshot is loaded,
// as for the JSON). Returns the errors that prevented it (the JSON's own, or one of writing).
std::vector<LoadError> writeSnapshotOf(const std::string &json_path, const std::string &out_path);

// Reads a snapshot. When `json_path` names a file that exists, the snapshot must have been built
// from it as it is now (same size and modification time, or same hash). Errors name the snapshot
// and say why it cannot be used (missing, truncated, corrupt, other format or factline version,
// stale); the entries' own warnings and references point into `json_path`, or when it is empty
// into the JSON the snapshot was built from.
LoadResult readSnapshotFile(const std::string &snapshot_path, const std::string &json_path);

// The loading rule (facts/FORMAT.md, "Snapshots"): a fact base named by either file of a
// "X.json" + "X.factidx" pair is loaded from the snapshot when the snapshot is usable, and
// otherwise from the JSON with a warning saying why the snapshot was not used; a snapshot whose
// JSON is absent is loaded as it is, and its errors are the file's errors.
LoadResult readFactBaseOrSnapshot(const std::string &path);

} // namespace factline::facts
