// The Markdown importer with its front matter, and the HTML renderer after it.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    mimeo::fuzz::import_and_render(mimeo::fuzz::write_input(data, size, ".md"), "markdown");
    return 0;
}
