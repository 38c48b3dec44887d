// ReadFileBounded: a whole file into memory, refusing one past a size limit.
//
// Rule files, model files and ROUGE datasets are read whole. Without a limit a
// mistaken path (`--rules /dev/zero`, a device, a multi-gigabyte log) was read
// until memory ran out; now it fails with a message naming the file, what it
// was read as, and the limit.
//
//   ASSIGN_OR_RETURN(std::string text,
//                    ReadFileBounded(path, "rule file", size_t{16} << 20));
//
// Thread safety: a pure function (the file is read with its own stream).
#ifndef CHORUS_BASE_FILES_H_
#define CHORUS_BASE_FILES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus {

// kNotFound when `path` does not exist, kInvalidArgument for a directory,
// kIoError when it cannot be read, kResourceExhausted when it holds more than
// `max_bytes` (reading stops there). `what` names the file's role in
// messages ("rule file").
Result<std::string> ReadFileBounded(const std::string& path, std::string_view what,
                                    size_t max_bytes);

}  // namespace chorus

#endif  // CHORUS_BASE_FILES_H_
