# Write OUTPUT (version.cpp) from INPUT (cmake/version.cpp.in) with the
# checkout's revision as it is now. It runs at every build, not only when
# CMake configures: the revision is part of the compiled-FAQ cache's key, and
# a stale one let a rebuilt faqdesk read caches its older self wrote. A tree
# with uncommitted changes gets "-dirty." and a hash of them. configure_file
# rewrites OUTPUT only when its text changes, so an unchanged revision
# recompiles nothing.
set(FAQDESK_GIT_REVISION "")
if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short HEAD
    WORKING_DIRECTORY "${SOURCE_DIR}"
    OUTPUT_VARIABLE FAQDESK_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  execute_process(COMMAND "${GIT_EXECUTABLE}" diff --quiet HEAD --
    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE dirty OUTPUT_QUIET ERROR_QUIET)
  if(FAQDESK_GIT_REVISION AND dirty EQUAL 1)
    # Which uncommitted changes, too: two builds with different ones must not
    # share a cache key.
    execute_process(COMMAND "${GIT_EXECUTABLE}" diff HEAD --
      COMMAND "${GIT_EXECUTABLE}" hash-object --stdin
      WORKING_DIRECTORY "${SOURCE_DIR}"
      OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(SUBSTRING "${changes}" 0 8 changes)
    string(APPEND FAQDESK_GIT_REVISION "-dirty.${changes}")
  endif()
endif()
configure_file("${INPUT}" "${OUTPUT}" @ONLY)
