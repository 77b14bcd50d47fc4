#pragma once

#include <concepts>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "app/output_text.hpp"

namespace app {

// Markup a writer built itself (an SVG chart), written as it is.
struct Markup {
    std::string text;
};

// An output stream that escapes by type, so that a writer cannot forget to:
// string literals (the writer's own markup or wording) and numbers are
// written as they are, every std::string (names, notes, sources, money with
// its currency, anything built from them) through the format's escape.
template <std::string (*escape)(std::string_view)>
class EscapedStream {
public:
    explicit EscapedStream(std::ostream& out) : out_(out) {}

    // A literal, or the literal a conditional picks: (last ? "" : ", ").
    EscapedStream& operator<<(const char* own) {
        out_ << own;
        return *this;
    }
    // A buffer filled at run time (snprintf) is data: make it a std::string.
    template <std::size_t N>
    EscapedStream& operator<<(char (&buffer)[N]) = delete;
    EscapedStream& operator<<(char* buffer) = delete;
    EscapedStream& operator<<(std::string_view text) {
        out_ << escape(text);
        return *this;
    }
    EscapedStream& operator<<(const std::string& text) { return *this << std::string_view(text); }
    EscapedStream& operator<<(char c) { return *this << std::string_view(&c, 1); }
    EscapedStream& operator<<(const Markup& markup) {
        out_ << markup.text;
        return *this;
    }
    template <class Number>
        requires std::is_arithmetic_v<Number> && (!std::same_as<Number, char>) && (!std::same_as<Number, bool>)
    EscapedStream& operator<<(Number x) {
        out_ << x;
        return *this;
    }

private:
    std::ostream& out_;
};

using HtmlStream = EscapedStream<html_text>;
using TerminalStream = EscapedStream<terminal_text>;

}  // namespace app
