# ctest script: runs lupdate over the translated sources into a temporary copy of each .ts file and
# fails when any string is unfinished (new, changed or untranslated), so a tr() added without its
# zh_CN translation breaks the build's tests, not the operator's screen.
# Inputs: LUPDATE, SOURCES_LIST (file with one source per line), TS_FILES (;-list), WORK_DIR, and
# INCLUDE_DIR (the source root: lupdate needs the headers to name each class's context).
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    execute_process(
        COMMAND "${LUPDATE}" -no-obsolete -locations none -I "${INCLUDE_DIR}" "@${SOURCES_LIST}" -ts "${copy}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
    endif()
    file(READ "${copy}" content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        string(REPLACE ";" "\n" listing "${unfinished}")
        message(FATAL_ERROR "${name}: ${count} unfinished string(s); run the update_translations target and translate:\n${listing}")
    endif()
    message(STATUS "${name}: every string translated")
endforeach()
