// The JATS importer (XML with a DOCTYPE, entities, MathML), then the HTML renderer.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    mimeo::fuzz::import_and_render(mimeo::fuzz::write_input(data, size, ".xml"), "jats");
    return 0;
}
