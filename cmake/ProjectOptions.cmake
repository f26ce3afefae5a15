# One INTERFACE target carries the project-wide compile policy; every target links it.
add_library(cardops_options INTERFACE)
add_library(CardOps::options ALIAS cardops_options)

target_compile_features(cardops_options INTERFACE cxx_std_20)
target_compile_definitions(cardops_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_NO_CONTEXTLESS_CONNECT  # enforced from Qt 6.7; tests/meta checks the tree on 6.4
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
)
if(MSVC)
    target_compile_options(cardops_options INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(cardops_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
        -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
endif()
set(CMAKE_CXX_EXTENSIONS OFF)
