# Point the imported library targets at the static archives Debian ships
# beside the shared libraries (libyaml-cpp-dev, libstemmer-dev, libedit-dev
# with libtinfo, libbsd and libmd), so the faqdesk binary needs only glibc at
# run time. Fails at configure time, naming the archive, when one is missing.
function(faqdesk_find_archive name)
  find_library(FAQDESK_ARCHIVE_${name} NAMES lib${name}.a)
  if(NOT FAQDESK_ARCHIVE_${name})
    message(FATAL_ERROR "FAQDESK_STATIC: lib${name}.a not found; install its -dev package or configure with -DFAQDESK_STATIC=OFF")
  endif()
  mark_as_advanced(FAQDESK_ARCHIVE_${name})
endfunction()

function(faqdesk_use_archive target name)
  faqdesk_find_archive(${name})
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${FAQDESK_ARCHIVE_${name}}")
  foreach(config NONE RELEASE DEBUG RELWITHDEBINFO MINSIZEREL)
    get_target_property(location ${target} IMPORTED_LOCATION_${config})
    if(location)
      set_target_properties(${target} PROPERTIES IMPORTED_LOCATION_${config} "${FAQDESK_ARCHIVE_${name}}")
    endif()
  endforeach()
endfunction()

get_target_property(_faqdesk_yaml_target yaml-cpp::yaml-cpp ALIASED_TARGET)
if(NOT _faqdesk_yaml_target)
  set(_faqdesk_yaml_target yaml-cpp::yaml-cpp)
endif()
faqdesk_use_archive(${_faqdesk_yaml_target} yaml-cpp)
faqdesk_use_archive(Stemmer::Stemmer stemmer)
faqdesk_use_archive(LibEdit::LibEdit edit)
# libedit.a needs the terminal and BSD compatibility libraries it would
# otherwise bring as shared dependencies (pkg-config --static libedit).
foreach(dep tinfo bsd md)
  faqdesk_find_archive(${dep})
  set_property(TARGET LibEdit::LibEdit APPEND PROPERTY INTERFACE_LINK_LIBRARIES "${FAQDESK_ARCHIVE_${dep}}")
endforeach()
