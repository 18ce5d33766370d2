# Find libedit, the BSD line-editing library (Debian: libedit-dev), through its
# pkg-config file when there is one. Defines LibEdit::LibEdit.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_LibEdit QUIET libedit)
endif()
find_path(LibEdit_INCLUDE_DIR NAMES histedit.h HINTS ${PC_LibEdit_INCLUDE_DIRS})
find_library(LibEdit_LIBRARY NAMES edit HINTS ${PC_LibEdit_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibEdit REQUIRED_VARS LibEdit_LIBRARY LibEdit_INCLUDE_DIR)
if(LibEdit_FOUND AND NOT TARGET LibEdit::LibEdit)
  add_library(LibEdit::LibEdit UNKNOWN IMPORTED)
  set_target_properties(LibEdit::LibEdit PROPERTIES
    IMPORTED_LOCATION "${LibEdit_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibEdit_INCLUDE_DIR}")
endif()
mark_as_advanced(LibEdit_INCLUDE_DIR LibEdit_LIBRARY)
