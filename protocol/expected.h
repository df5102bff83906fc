// Expected<T, E>: a value or the error that prevented it, for errors returned across module edges.
#pragma once
#include <cassert>
#include <utility>
#include <variant>

namespace factline::protocol {

// Wraps an error so that Expected<T, E> can be built from it even when T and E are alike.
template <typename E> struct Unexpected { E error; };
template <typename E> Unexpected<std::decay_t<E>> unexpected(E &&e) { return {std::forward<E>(e)}; }

// A small stand-in for C++23 std::expected (GCC 12 in C++20 mode lacks it).
template <typename T, typename E> class Expected {
public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  template <typename G>
  Expected(Unexpected<G> e) : state_(std::in_place_index<1>, std::move(e.error)) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T &value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T &value() const & {
    assert(has_value());
    return std::get<0>(state_);
  }
  T &&value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

  const E &error() const & {
    assert(!has_value());
    return std::get<1>(state_);
  }
  E &&error() && {
    assert(!has_value());
    return std::get<1>(std::move(state_));
  }

private:
  std::variant<T, E> state_;
};

// Expected<void, E>: success, or the error.
template <typename E> class Expected<void, E> {
public:
  Expected() = default;
  template <typename G> Expected(Unexpected<G> e) : error_(std::move(e.error)), ok_(false) {}

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const E &error() const & {
    assert(!ok_);
    return error_;
  }

private:
  E error_{};
  bool ok_ = true;
};

} // namespace factline::protocol
