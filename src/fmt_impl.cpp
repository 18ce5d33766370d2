// fmt's compiled part, built into faqdesk when it links statically
// (FAQDESK_STATIC). Debian ships libfmt only as a shared library, which would
// bring libstdc++.so back into every start; its header-only mode would instead
// compile all of this into each of the 20 files that format, five seconds
// each. So this one file compiles fmt's own implementation header, shipped
// in libfmt-dev, once, with the explicit instantiations that fmt 9's format.h
// declares extern (the same ones libfmt.so exports). CMake uses this file only
// with fmt 9; any other version gets fmt's header-only target instead.
#include <fmt/format-inl.h>

static_assert(FMT_VERSION / 10000 == 9, "src/fmt_impl.cpp is for fmt 9 (CMakeLists.txt chooses it)");

FMT_BEGIN_NAMESPACE
namespace detail {
template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
}  // namespace detail
FMT_END_NAMESPACE
